using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactOS.Testing.Processes;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Starts real silo processes as cluster members on one PostgreSQL schema, with a short heartbeat so the tests
/// take seconds, and reads each silo's own view of the cluster from its readiness report.
/// </summary>
internal static class ClusterNode
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(3);

    // Silos listen on their cluster address for calls from the others: a base per test run keeps two runs on one
    // machine apart.
    private static readonly int s_basePort = 20_000 + (Random.Shared.Next(0, 1_000) * 20);

    /// <summary>
    /// The cluster address (internal HTTP/2 endpoint) of silo number <paramref name="silo"/> (1 to 19). Test classes run
    /// in parallel, so each uses numbers of its own: membership 1-3, failover 4-6, rebalancing 7-9, live updates 10-12.
    /// </summary>
    public static string Address(int silo) => $"127.0.0.1:{(s_basePort + silo).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The signing key every silo of a test cluster shares, so a token from one is valid on all.</summary>
    public const string SigningKey = "cluster-test-signing-key-0123456789-abcdef";

    public static SiloProcess Start(string connectionString, string name, string address, string roles = "both", params string[] arguments) =>
        SiloProcess.Start(new SiloProcessOptions
    {
        Arguments = arguments,
        Environment = new Dictionary<string, string>
        {
            ["CONTACTOS_Cluster__Roles"] = roles,
            ["CONTACTOS_Auth__Jwt__SigningKey"] = SigningKey,
            ["CONTACTOS_Storage__Provider"] = "postgres",
            ["CONTACTOS_Storage__ConnectionString"] = connectionString,
            ["CONTACTOS_Silo__Name"] = name,
            ["CONTACTOS_Cluster__Enabled"] = "true",
            ["CONTACTOS_Cluster__Address"] = address,
            ["CONTACTOS_Cluster__HeartbeatInterval"] = HeartbeatInterval.ToString("c", CultureInfo.InvariantCulture),
            ["CONTACTOS_Cluster__DeathTimeout"] = DeathTimeout.ToString("c", CultureInfo.InvariantCulture),
        },
    });

    /// <summary>The "cluster" check of <c>/health/ready</c>: its status and description (the active silos it sees).</summary>
    public static async Task<(HttpStatusCode Status, string Check, string Description)> ReadinessAsync(SiloProcess silo)
    {
        using var response = await silo.Http.GetAsync(new Uri(silo.BaseAddress!, "health/ready"));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cluster = report.RootElement.GetProperty("checks").GetProperty("cluster");
        return (response.StatusCode, cluster.GetProperty("status").GetString()!, cluster.GetProperty("description").GetString()!);
    }

    /// <summary>Writes the end of each silo's output to the test's output, for a failure's diagnosis.</summary>
    public static void WriteOutputs(Xunit.Abstractions.ITestOutputHelper output, IEnumerable<SiloProcess> silos, int lastChars = 8_000)
    {
        foreach (var silo in silos)
        {
            var log = silo.Output;
            output.WriteLine($"---- silo {silo.Id} ----{Environment.NewLine}{log[Math.Max(0, log.Length - lastChars)..]}");
        }
    }
}
