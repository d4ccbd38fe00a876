using ContactOS.Testing.Processes;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Exit-code assertions that show the process's output when they fail.</summary>
internal static class ExitAssert
{
    /// <summary>Waits (bounded) for <paramref name="silo"/> to exit and asserts its exit code.</summary>
    public static async Task ExitsWithAsync(int expected, SiloProcess silo, TimeSpan? within = null)
    {
        var exitCode = await silo.WaitForExitAsync(within);
        Assert.True(expected == exitCode, $"Expected exit code {expected}, got {exitCode}. Output:\n{silo.Output}");
    }

    /// <summary>Stops <paramref name="silo"/> with SIGTERM and asserts it exits normally.</summary>
    public static async Task StopsGracefullyAsync(SiloProcess silo)
    {
        var exitCode = await silo.StopGracefullyAsync();
        Assert.True(exitCode == 0, $"Expected a graceful stop (exit code 0), got {exitCode}. Output:\n{silo.Output}");
    }
}
