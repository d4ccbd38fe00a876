using System.Collections.Concurrent;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>The reminders that fired in one silo, as (grain key, reminder name).</summary>
public sealed class ReminderFireLog
{
    private readonly ConcurrentQueue<(string Grain, string Reminder)> _fired = new();

    public void Record(string grain, string reminder) => _fired.Enqueue((grain, reminder));

    public int Count(string grain, string reminder) => _fired.Count(fire => fire.Grain == grain && fire.Reminder == reminder);
}
