using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Settings that cannot form a cluster stop start-up with a sentence saying what to change, and exit code 2.</summary>
public sealed class ClusterConfigurationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int InvalidConfiguration = 2;

    [Theory]
    [InlineData("worker")]
    [InlineData("front")]
    public async Task A_cluster_role_on_SQLite_fails_start_up_naming_both_settings(string role)
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path, Arguments = ["--Cluster:Role", role] });

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, silo);
        Assert.StartsWith($"ContactOS silo failed to start: Cluster:Role is '{role}' but Storage:Provider is 'sqlite'", silo.StandardError);
        Assert.Contains("Set Storage:Provider to 'postgres'", silo.StandardError);
        Assert.DoesNotContain("   at ", silo.Output);
    }

    [Fact]
    public async Task A_second_silo_on_the_port_of_a_running_one_fails_start_up_saying_what_to_change()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var first = Start(connectionString, "worker-a", "worker");
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        var port = System.Text.RegularExpressions.Regex.Match(first.StandardOutput, @"silo port (\d+)").Groups[1].Value;

        await using var second = Start(connectionString, "worker-b", "worker", "--Silo:Port", port);

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, second, TimeSpan.FromSeconds(60));
        Assert.StartsWith($"ContactOS silo failed to start: Silo:Port {port} is in use", second.StandardError);
        Assert.Contains("leave Silo:Port and Silo:GatewayPort at 0", second.StandardError);
        Assert.DoesNotContain("   at ", second.Output);
        Assert.Equal((System.Net.HttpStatusCode.OK, "Healthy"), ((await ReadinessAsync(first)).Status, (await ReadinessAsync(first)).Check));
    }

    [Fact]
    public async Task A_front_without_the_shared_signing_key_fails_start_up_even_in_demo_mode()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var front = SiloProcess.Start(new SiloProcessOptions
        {
            Arguments = ["--Demo:Enabled", "true"],
            Environment = new Dictionary<string, string>
            {
                ["CONTACTOS_Cluster__Role"] = "front",
                ["CONTACTOS_Storage__Provider"] = "postgres",
                ["CONTACTOS_Storage__ConnectionString"] = connectionString,
            },
        });

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, front);
        Assert.Contains("Auth:Jwt:SigningKey is required on a 'front' of a cluster", front.StandardError);
        Assert.DoesNotContain("   at ", front.Output);
    }

    [Fact]
    public async Task A_second_silo_on_the_same_SQLite_database_fails_start_up_and_the_file_is_free_once_the_first_stops()
    {
        using var data = new SqliteTestDirectory();
        await using var first = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path });
        await first.WaitUntilReadyAsync();

        await using var second = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path });

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, second);
        Assert.StartsWith($"ContactOS silo failed to start: Another silo is already running on the SQLite database in '{data.Path}'", second.StandardError);
        Assert.Contains("Storage:DataDirectory", second.StandardError);
        Assert.DoesNotContain("   at ", second.Output);

        await first.KillAsync();
        await using var third = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path });
        await third.WaitUntilReadyAsync();
        await ExitAssert.StopsGracefullyAsync(third);
    }
}
