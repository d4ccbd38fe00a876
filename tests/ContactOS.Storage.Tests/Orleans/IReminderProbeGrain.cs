using Orleans;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>A grain that registers a durable reminder and records every tick in its silo's <see cref="ReminderFireLog"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminder, TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync(string reminder);
}
