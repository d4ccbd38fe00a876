namespace ContactOS.Runtime.Reminders;

/// <summary>A durable reminder row: fires at <see cref="StartAt"/> and then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
