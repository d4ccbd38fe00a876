using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Testing.Processes;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// Real silo processes (Release build) forming one cluster on a <see cref="BenchDatabase"/> on PostgreSQL, each with a
/// free public port and a free cluster port on 127.0.0.1, sharing one signing key so a token works on every silo.
/// Disposing kills the processes that are still running.
/// </summary>
internal sealed class ClusterProcesses : IAsyncDisposable
{
    public const string SigningKey = "cluster-benchmark-signing-key-0123456789abcdef";

    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);

    private readonly List<SiloProcess> _silos = [];
    private readonly List<string> _addresses = [];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IReadOnlyList<string> Addresses => _addresses;

    public static async Task<ClusterProcesses> StartAsync(BenchDatabase database, params string[] roles)
    {
        var cluster = new ClusterProcesses();
        try
        {
            for (var i = 0; i < roles.Length; i++)
            {
                var address = $"127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";
                var environment = new Dictionary<string, string>(database.ToEnvironment())
                {
                    ["CONTACTOS_Demo__Enabled"] = "true",
                    ["CONTACTOS_Auth__Jwt__SigningKey"] = SigningKey,
                    ["CONTACTOS_Silo__Name"] = $"silo-{i + 1}",
                    ["CONTACTOS_Cluster__Enabled"] = "true",
                    ["CONTACTOS_Cluster__Address"] = address,
                    ["CONTACTOS_Cluster__Roles"] = roles[i],
                    ["CONTACTOS_Cluster__HeartbeatInterval"] = "00:00:00.500",
                    ["CONTACTOS_Cluster__DeathTimeout"] = "00:00:03",
                    ["CONTACTOS_Pipeline__SnapshotInterval"] = "00:00:02",
                };
                cluster._silos.Add(SiloProcess.Start(new SiloProcessOptions { Environment = environment }));
                cluster._addresses.Add(address);
            }

            await Task.WhenAll(cluster._silos.Select(s => s.WaitUntilReadyAsync(s_readyTimeout)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for silo <paramref name="index"/>: no proxy, no cap on connections.</summary>
    public HttpClient Client(int index) => new(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = _silos[index].BaseAddress,
        Timeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>A demo-mode token for <paramref name="tenant"/> with every role.</summary>
    public static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient http, string tenant)
    {
        using var response = await http.PostAsJsonAsync("api/v2/auth/dev-token", new { tenant, roles = new[] { "admin", "ingest", "viewer" } });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"dev-token for '{tenant}' answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("token").GetString());
    }

    /// <summary>Waits until every silo's readiness report lists every silo of the cluster as active.</summary>
    public async Task WaitUntilFormedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var formed = true;
            foreach (var silo in _silos)
            {
                using var response = await silo.Http.GetAsync(new Uri(silo.BaseAddress!, "health/ready"));
                var report = await response.Content.ReadAsStringAsync();
                formed &= response.StatusCode == HttpStatusCode.OK && _addresses.All(a => report.Contains(a, StringComparison.Ordinal));
            }

            if (formed)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The cluster of {_silos.Count} silos did not form within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>A port nothing listens on at the moment, on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
