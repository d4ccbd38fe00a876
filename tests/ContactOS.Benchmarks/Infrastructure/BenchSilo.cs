using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOS.Testing.Processes;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// The real silo host, Release build, in its own process on 127.0.0.1 over a <see cref="BenchDatabase"/>, in demo
/// mode so that the benchmark can ask it for tokens. Disposing kills the process.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);

    private readonly SiloProcess _process;

    private BenchSilo(SiloProcess process)
    {
        _process = process;
        // No proxy, and no cap on connections: the client is one of the measured parties and must not queue requests.
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>A client whose relative URIs go to the silo.</summary>
    public HttpClient Http { get; }

    private AuthenticationHeaderValue? _operator;

    /// <summary>The process itself, for the testing helpers that read a silo's figures over HTTP.</summary>
    public SiloProcess Process => _process;

    /// <summary>The silo's process id, for a profiler attached during a run.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the silo process has used so far (user and system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            using var process = System.Diagnostics.Process.GetProcessById(_process.Id);
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Everything the silo wrote so far, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Starts the host on <paramref name="database"/>; <paramref name="settings"/> adds or overrides host settings by
    /// configuration key (<c>Cluster:Role</c>, ...), as an operator's environment would.
    /// </summary>
    public static async Task<BenchSilo> StartAsync(BenchDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(database.ToEnvironment()) { ["CONTACTOS_Demo__Enabled"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[BenchDatabase.EnvironmentName(key)] = value;
        }

        var process = SiloProcess.Start(new SiloProcessOptions { DataDirectory = database.DataDirectory, Environment = environment });
        try
        {
            await process.WaitUntilReadyAsync(s_readyTimeout);
            return new BenchSilo(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>A demo-mode token for <paramref name="tenant"/> with admin (read) and ingest roles.</summary>
    public async Task<AuthenticationHeaderValue> TokenAsync(string tenant)
    {
        using var response = await Http.PostAsJsonAsync("api/v2/auth/dev-token", new { tenant, roles = new[] { "admin", "ingest" } });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"dev-token for '{tenant}' answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("token").GetString());
    }

    /// <summary>
    /// The silo's <c>/metrics</c> (Prometheus text) as an operator scrapes it: the silo's own process figures, the garbage
    /// collector's among them, which a benchmark in another process cannot read otherwise.
    /// </summary>
    public async Task<string> ScrapeAsync()
    {
        if (_operator is null)
        {
            using var issued = await Http.PostAsJsonAsync("api/v2/auth/dev-token", new { tenant = "bench-operator", roles = new[] { "operator" } });
            issued.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
            _operator = new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("token").GetString());
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = _operator;
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples (every label set) in a Prometheus text exposition; 0 when absent.</summary>
    public static double Sum(string exposition, string metric)
    {
        var sum = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is ' ' or '{'
                && double.TryParse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                sum += value;
            }
        }

        return sum;
    }

    /// <summary>SIGKILL: the silo dies at once, as in a crash.</summary>
    public Task<int> KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
