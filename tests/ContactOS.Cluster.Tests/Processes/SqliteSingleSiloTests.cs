using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>SQLite serves one silo: a cluster on it, or a second silo on its file, fails start-up with what to fix.</summary>
public sealed class SqliteSingleSiloTests
{
    private const int InvalidConfiguration = 2;

    [Fact]
    public async Task A_cluster_on_SQLite_fails_start_up_naming_both_settings()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Cluster:Enabled", "true", "--Cluster:Address", "127.0.0.1:15001"],
        });

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, silo);
        Assert.StartsWith("ContactOS silo failed to start: Cluster:Enabled is true but Storage:Provider is 'sqlite'", silo.StandardError);
        Assert.Contains("Set Storage:Provider to 'postgres'", silo.StandardError);
        Assert.DoesNotContain("   at ", silo.Output);
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
