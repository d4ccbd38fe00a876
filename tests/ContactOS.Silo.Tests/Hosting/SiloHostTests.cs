using System.Net;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>The host process on its embedded default (SQLite): start-up, health endpoints, graceful stop.</summary>
public sealed class SiloHostTests
{
    [Fact]
    public async Task Starts_on_SQLite_with_only_a_url_and_a_data_directory_and_reports_healthy()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path });

        await silo.WaitUntilReadyAsync();

        var live = await HealthAssert.GetAsync(silo.Http, silo.BaseAddress!, "health/live", HttpStatusCode.OK);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        var ready = await HealthAssert.GetAsync(silo.Http, silo.BaseAddress!, "health/ready", HttpStatusCode.OK);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", HealthAssert.CheckStatus(ready, "silo"));
        Assert.Equal("Healthy", HealthAssert.CheckStatus(ready, "storage"));

        var databaseFile = Path.Combine(data.Path, "contactos.db");
        Assert.True(File.Exists(databaseFile), $"{databaseFile} was not created");
        Assert.Contains($"SQLite database file '{databaseFile}'", silo.StandardOutput);
        Assert.Matches(@"listening on http://127\.0\.0\.1:\d+", silo.StandardOutput);
        Assert.Equal("127.0.0.1", silo.BaseAddress!.Host);
        Assert.NotEqual(0, silo.BaseAddress.Port);
    }

    [Fact]
    public async Task SIGTERM_stops_the_silo_gracefully_with_exit_code_0()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Silo:Name", "sigterm-test"],
        });
        await silo.WaitUntilReadyAsync();

        var exitCode = await silo.StopGracefullyAsync(TimeSpan.FromSeconds(20));

        Assert.True(exitCode == 0, $"exit code {exitCode}. Output:\n{silo.Output}");
        Assert.Contains("ContactOS silo sigterm-test stopping: its grains store their snapshots", silo.StandardOutput);
        Assert.Contains("ContactOS silo sigterm-test stopped", silo.StandardOutput);
        Assert.Equal("", silo.StandardError);
    }

    [Fact]
    public async Task Configuration_comes_from_CONTACTOS_environment_variables_and_the_command_line_wins_over_them()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Environment = new Dictionary<string, string>
            {
                ["CONTACTOS_Silo__Name"] = "from-environment",
                ["CONTACTOS_Silo__ResponseTimeout"] = "00:00:07",
            },
            Arguments = ["--Silo:ResponseTimeout", "00:00:09"],
        });

        await silo.WaitUntilReadyAsync();

        Assert.Contains("ContactOS silo from-environment started (both) on Orleans 10.4.2", silo.StandardOutput);
        Assert.Contains("response timeout 00:00:09", silo.StandardOutput);
    }
}
