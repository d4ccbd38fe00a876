namespace ContactOS.Runtime;

/// <summary>Implemented by grain classes that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
