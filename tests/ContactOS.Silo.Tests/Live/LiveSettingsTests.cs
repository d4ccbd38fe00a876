using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Live;

/// <summary>Bad <c>Live</c> settings stop the silo at start-up with a message naming the setting.</summary>
public sealed class LiveSettingsTests
{
    private const int InvalidConfiguration = 2;

    [Theory]
    [InlineData("Live:UpdateInterval", "00:00:00")]
    [InlineData("Live:SendTimeout", "-00:00:01")]
    public async Task A_duration_that_is_not_positive_stops_start_up_naming_the_setting(string setting, string value)
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = [$"--{setting}", value],
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exitCode == InvalidConfiguration, $"exit code {exitCode}. Output:\n{silo.Output}");
        Assert.Contains($"{setting} must be positive", silo.StandardError, StringComparison.Ordinal);
    }
}
