using System.Net;
using System.Text.Json;
using ContactOS.Testing.Processes;
using Npgsql;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Starts real processes of a cluster on one PostgreSQL database: workers and fronts with the product's default
/// membership and liveness settings, silos on free loopback ports advertised as 127.0.0.1.
/// </summary>
internal static class ClusterNode
{
    /// <summary>The signing key every process of a test cluster shares, so a token from one front is valid on all.</summary>
    public const string SigningKey = "cluster-test-signing-key-0123456789-abcdef";

    public static SiloProcess Start(string connectionString, string name, string role, params string[] arguments) =>
        SiloProcess.Start(new SiloProcessOptions
        {
            Arguments = arguments,
            Environment = new Dictionary<string, string>
            {
                ["CONTACTOS_Cluster__Role"] = role,
                ["CONTACTOS_Auth__Jwt__SigningKey"] = SigningKey,
                ["CONTACTOS_Storage__Provider"] = "postgres",
                ["CONTACTOS_Storage__ConnectionString"] = connectionString,
                ["CONTACTOS_Silo__Name"] = name,
                ["CONTACTOS_Silo__AdvertisedAddress"] = "127.0.0.1",
            },
        });

    /// <summary>The "silo" check of <c>/health/ready</c>: its status and description (on a front, the active silos it reaches).</summary>
    public static async Task<(HttpStatusCode Status, string Check, string Description)> ReadinessAsync(SiloProcess silo)
    {
        using var response = await silo.Http.GetAsync(new Uri(silo.BaseAddress!, "health/ready"));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = report.RootElement.GetProperty("checks").GetProperty("silo");
        return (response.StatusCode, check.GetProperty("status").GetString()!, check.GetProperty("description").GetString()!);
    }

    /// <summary>How many silos the cluster's membership table lists as active (Orleans' status 3).</summary>
    public static async Task<int> ActiveSilosAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the end of each process's output to the test's output, for a failure's diagnosis.</summary>
    public static void WriteOutputs(Xunit.Abstractions.ITestOutputHelper output, IEnumerable<SiloProcess> silos, int lastChars = 8_000)
    {
        foreach (var silo in silos)
        {
            var log = silo.Output;
            output.WriteLine($"---- process {silo.Id} ----{Environment.NewLine}{log[Math.Max(0, log.Length - lastChars)..]}");
        }
    }
}
