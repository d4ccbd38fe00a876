using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ContactOS.Benchmarks.Infrastructure;
using Npgsql;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// Real silo processes (Release build) forming one cluster on a <see cref="BenchDatabase"/> on PostgreSQL, as an
/// operator starts them: a role each, the product's default membership and liveness settings, free ports advertised on
/// 127.0.0.1, and one signing key so a token any process issued is accepted by all. Disposing kills them.
/// </summary>
internal sealed class ClusterProcesses : IAsyncDisposable
{
    public const string Both = "both";
    public const string Worker = "worker";
    public const string Front = "front";

    private const string SigningKey = "cluster-benchmark-signing-key-0123456789-abcdef";
    private static readonly TimeSpan s_formTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;

    private ClusterProcesses(string connectionString, IReadOnlyList<BenchSilo> processes, IReadOnlyList<string> roles)
    {
        _connectionString = connectionString;
        Processes = processes;
        Roles = roles;
    }

    /// <summary>The processes, in the order of their roles.</summary>
    public IReadOnlyList<BenchSilo> Processes { get; }

    public IReadOnlyList<string> Roles { get; }

    /// <summary>Processes that take requests from a load balancer: the fronts, or every process when there is none.</summary>
    public IReadOnlyList<BenchSilo> EntryPoints =>
        Roles.Contains(Front) ? [.. Processes.Where((_, i) => Roles[i] == Front)] : [.. Processes.Where((_, i) => Roles[i] == Both)];

    /// <summary>Starts one process per role and waits until every silo is active and every front reaches all of them.</summary>
    public static async Task<ClusterProcesses> StartAsync(BenchDatabase database, TimeProvider time, params string[] roles)
    {
        var starting = roles.Select((role, i) => BenchSilo.StartAsync(database, new Dictionary<string, string>
        {
            ["Cluster:Role"] = role,
            ["Auth:Jwt:SigningKey"] = SigningKey,
            ["Silo:Name"] = $"{role}-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
        })).ToList();
        try
        {
            var cluster = new ClusterProcesses(database.ConnectionString!, await Task.WhenAll(starting), roles);
            await cluster.WaitUntilFormedAsync(time);
            return cluster;
        }
        catch
        {
            foreach (var silo in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await silo.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Tokens for <paramref name="tenants"/>, issued by the first process.</summary>
    public async Task<Dictionary<string, AuthenticationHeaderValue>> TokensAsync(IEnumerable<string> tenants)
    {
        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            tokens[tenant] = await Processes[0].TokenAsync(tenant);
        }

        return tokens;
    }

    /// <summary>How many silos the membership table lists as active (Orleans' status 3): fronts are clients and never listed.</summary>
    public async Task<int> ActiveSilosAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The end of each process's output, and how it ended if it did: what a failed measurement needs to explain itself.</summary>
    public string Outputs(int lastChars = 6_000) => string.Join(Environment.NewLine, Processes.Select((silo, i) =>
    {
        var log = silo.Output;
        var state = silo.Process.ExitCode is { } code ? $"exited with code {code.ToString(CultureInfo.InvariantCulture)}" : "running";
        return $"---- {Roles[i]} {(i + 1).ToString(CultureInfo.InvariantCulture)} (process {silo.ProcessId.ToString(CultureInfo.InvariantCulture)}, {silo.Process.BaseAddress}, {state}) ----" +
            Environment.NewLine + log[Math.Max(0, log.Length - lastChars)..];
    }));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Processes)
        {
            await silo.DisposeAsync();
        }
    }

    private async Task WaitUntilFormedAsync(TimeProvider time)
    {
        var silos = Roles.Count(r => r != Front);
        var started = time.GetTimestamp();
        while (await ActiveSilosAsync() != silos || !await FrontsReachAsync(silos))
        {
            if (time.GetElapsedTime(started) > s_formTimeout)
            {
                throw new TimeoutException($"The cluster ({string.Join(", ", Roles)}) did not form within {s_formTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(s_poll, time);
        }
    }

    /// <summary>Whether every front's readiness says it reaches <paramref name="silos"/> active silos.</summary>
    private async Task<bool> FrontsReachAsync(int silos)
    {
        foreach (var front in Processes.Where((_, i) => Roles[i] == Front))
        {
            using var response = await front.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var description = report.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("description").GetString();
            if (description?.Contains($"reaches {silos.ToString(CultureInfo.InvariantCulture)} active silos", StringComparison.Ordinal) != true)
            {
                return false;
            }
        }

        return true;
    }
}
