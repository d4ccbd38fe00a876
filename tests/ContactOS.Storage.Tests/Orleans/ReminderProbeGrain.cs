using Orleans;
using Orleans.Runtime;

namespace ContactOS.Storage.Tests.Orleans;

public sealed class ReminderProbeGrain(ReminderFireLog log) : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string reminder, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminder, dueTime, period);

    public async Task UnregisterAsync(string reminder)
    {
        var registered = await this.GetReminder(reminder) ??
            throw new InvalidOperationException($"Reminder '{reminder}' is not registered.");
        await this.UnregisterReminder(registered);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
