using Microsoft.Extensions.Logging;

namespace ContactOS.Runtime.Membership;

internal static partial class MembershipLog
{
    [LoggerMessage(1, LogLevel.Information, "Silo {SiloName} joined the cluster as {Address} ({Roles}) with epoch {Epoch}")]
    public static partial void Joined(ILogger logger, string siloName, string address, string roles, long epoch);

    [LoggerMessage(2, LogLevel.Information, "Membership version {Version}: {ActiveCount} active silos: {ActiveSilos}")]
    public static partial void ViewChanged(ILogger logger, long version, int activeCount, string activeSilos);

    [LoggerMessage(3, LogLevel.Warning, "Declared silo {Address} ({SiloName}) dead: no heartbeat for {HeartbeatAge} (Cluster:DeathTimeout {DeathTimeout})")]
    public static partial void DeclaredDead(ILogger logger, string address, string siloName, TimeSpan heartbeatAge, TimeSpan deathTimeout);

    [LoggerMessage(4, LogLevel.Critical, "Silo {SiloName} ({Address}, epoch {Epoch}) was declared dead by the cluster: it stops serving grains " +
        "and exits with code {ExitCode}; start it again to rejoin with a new epoch")]
    public static partial void Evicted(ILogger logger, string siloName, string address, long epoch, int exitCode);

    [LoggerMessage(5, LogLevel.Warning, "Membership heartbeat of {Address} failed; retrying in {Interval}")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, string address, TimeSpan interval);

    [LoggerMessage(6, LogLevel.Information, "Silo {SiloName} left the cluster ({Address}, epoch {Epoch})")]
    public static partial void Left(ILogger logger, string siloName, string address, long epoch);

    [LoggerMessage(7, LogLevel.Warning, "Silo {SiloName} could not record that it left the cluster ({Address}); the others declare it dead " +
        "after Cluster:DeathTimeout ({DeathTimeout})")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string siloName, string address, TimeSpan deathTimeout);

    [LoggerMessage(8, LogLevel.Information, "Deleted {Count} membership rows of silos that left or died more than {Retention} ago")]
    public static partial void DefunctRowsDeleted(ILogger logger, int count, TimeSpan retention);
}
