using System.Collections.Concurrent;
using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Reminders;

namespace ContactOS.Testing.InMemory;

/// <summary>A reminder table in a dictionary. Unit tests only.</summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _rows = new();
    private long _version;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values]);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(r => r.GrainId == grainId)]);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
        => Task.FromResult(_rows.TryGetValue((grainId, name), out var row) ? row : null);

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _rows[(entry.GrainId, entry.Name)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken)
        => Task.FromResult(_rows.TryGetValue((grainId, name), out var row) && row.ETag == eTag && _rows.TryRemove((grainId, name), out _));
}
