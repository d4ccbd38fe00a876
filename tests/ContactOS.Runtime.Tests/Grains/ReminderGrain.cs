namespace ContactOS.Runtime.Tests.Grains;

public sealed class ReminderGrain : Grain<ReminderState>, IReminderGrain, IRemindable
{
    public Task Register(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Unregister(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<bool> HasReminder(string name) => await GetReminder(name) is not null;

    public Task<int> GetTicks() => Task.FromResult(State.Ticks);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        State.Ticks++;
        State.LastTick = status.CurrentTickTime;
        await WriteStateAsync();
    }
}
