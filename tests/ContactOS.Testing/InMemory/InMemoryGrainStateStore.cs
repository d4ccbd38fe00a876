using System.Collections.Concurrent;
using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Persistence;

namespace ContactOS.Testing.InMemory;

/// <summary>A grain state store in a dictionary, with the same ETag rules as the database stores. Unit tests only.</summary>
public sealed class InMemoryGrainStateStore : IGrainStateStore
{
    private readonly ConcurrentDictionary<GrainId, StoredState> _states = new();

    public int WriteCount { get; private set; }

    public Task<StoredState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
        => Task.FromResult(_states.TryGetValue(grainId, out var state) ? state : null);

    public Task<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, string? expectedETag, long? logPosition, CancellationToken cancellationToken)
    {
        lock (_states)
        {
            var current = _states.TryGetValue(grainId, out var stored) ? stored.ETag : null;
            if (current != expectedETag)
            {
                throw new InconsistentStateException(grainId, expectedETag, current);
            }

            // Like the SQL stores: a new row starts a new generation at a random version, so an ETag from before a
            // clear never matches the row written after it.
            var next = (current is null ? Random.Shared.NextInt64(1, 1L << 53) : long.Parse(current, CultureInfo.InvariantCulture) + 1)
                .ToString(CultureInfo.InvariantCulture);
            _states[grainId] = new StoredState(payload.ToArray(), next, logPosition);
            WriteCount++;
            return Task.FromResult(next);
        }
    }

    public Task ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_states)
        {
            var current = _states.TryGetValue(grainId, out var stored) ? stored.ETag : null;
            if (current != expectedETag)
            {
                throw new InconsistentStateException(grainId, expectedETag, current);
            }

            _states.TryRemove(grainId, out _);
            return Task.CompletedTask;
        }
    }
}
