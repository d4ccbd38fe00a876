namespace ContactOS.Runtime.Reminders;

/// <summary>Durable reminder rows, keyed by grain and reminder name.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the reminder and returns its new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the reminder if its ETag matches; false when it was missing or changed meanwhile.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken);
}
