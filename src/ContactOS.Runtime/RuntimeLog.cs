using Microsoft.Extensions.Logging;

namespace ContactOS.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "Activation of grain {GrainId} failed; waiting calls receive the error")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed (reason {Reason})")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(3, LogLevel.Error, "A scheduled work item of grain {GrainId} threw")]
    public static partial void WorkItemFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "Timer callback of grain {GrainId} failed")]
    public static partial void TimerCallbackFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Warning, "Reminder delivery failed")]
    public static partial void ReminderDeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Collected {Count} idle activations")]
    public static partial void IdleActivationsCollected(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Information, "Silo {SiloName} started: {GrainTypeCount} grain types, {ReminderCount} reminders loaded, call timeout {CallTimeout}, idle collection after {CollectionAge}")]
    public static partial void SiloStarted(ILogger logger, string siloName, int grainTypeCount, int reminderCount, TimeSpan callTimeout, TimeSpan collectionAge);

    [LoggerMessage(8, LogLevel.Information, "Silo {SiloName} stopping: deactivating {ActivationCount} activations")]
    public static partial void SiloStopping(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(9, LogLevel.Information, "Silo {SiloName} stopped")]
    public static partial void SiloStopped(ILogger logger, string siloName);

    [LoggerMessage(10, LogLevel.Warning, "Silo {SiloName} stopped before every activation finished deactivating ({Remaining} left)")]
    public static partial void SiloStopIncomplete(ILogger logger, string siloName, int remaining);

    [LoggerMessage(11, LogLevel.Warning, "Silo {SiloName} stopping after eviction from the cluster: {ActivationCount} activations dropped without deactivation")]
    public static partial void SiloEvictedStop(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(12, LogLevel.Information, "Silo {SiloName}: {Count} activations moved to other silos in membership version {Version}; deactivating them here")]
    public static partial void ActivationsMoved(ILogger logger, string siloName, int count, long version);
}
