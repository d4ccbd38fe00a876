using System.Data.Common;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using ContactOS.Storage.Dialects;
using Microsoft.Extensions.Logging;

namespace ContactOS.Storage.EventLog;

/// <summary>
/// The event log with group commit: callers queue their batches, and a single writer takes everything queued (up to
/// <see cref="EventLogLimits.MaxGroupEvents"/>), writes it in one transaction, then answers every caller of the group.
/// A commit's cost is thus shared by every batch that arrived while the previous one was being written, and the rate
/// grows with the load instead of being capped by one commit per call.
/// </summary>
internal sealed partial class AdoNetEventLog : IEventLog, IAsyncDisposable, IDisposable
{
    private const string ReadColumns = "position, tenant_id, event_id, routing_key, event_time, payload";

    private const string ReadSql =
        $"SELECT {ReadColumns} FROM contactos_event_log WHERE position > @after ORDER BY position LIMIT @max";

    private const string ReadTenantSql =
        $"SELECT {ReadColumns} FROM contactos_event_log WHERE tenant_id = @tenant_id AND position > @after ORDER BY position LIMIT @max";

    // The range is the few positions appended since the tenant's last applied event: a walk of the primary key.
    private const string CountTenantSql =
        "SELECT COUNT(*) FROM contactos_event_log WHERE position > @after AND position <= @through AND tenant_id = @tenant_id";

    private const string LastPositionSql = "SELECT COALESCE(MAX(position), 0) FROM contactos_event_log";

    private readonly StorageDatabase _database;
    private readonly string _readKeysSql;
    private readonly EventLogWriter _writer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AdoNetEventLog> _logger;
    private readonly EventLogLimits _limits;
    private readonly EventBudget _budget;
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });

    // Reused by the single writer: one for the group, one for writing a failed group's batches one by one.
    private readonly EventLogGroup _group = new();
    private readonly EventLogGroup _single = new();
    private readonly TenantTails _tails = new();
    private readonly Task _writing;

    public AdoNetEventLog(StorageDatabase database, TimeProvider timeProvider, ILogger<AdoNetEventLog> logger)
        : this(database, timeProvider, logger, EventLogLimits.Default)
    {
    }

    internal AdoNetEventLog(StorageDatabase database, TimeProvider timeProvider, ILogger<AdoNetEventLog> logger, EventLogLimits limits)
    {
        _database = database;
        _readKeysSql = $"SELECT {ReadColumns} FROM contactos_event_log WHERE tenant_id = @tenant_id AND "
            + $"{database.InTextList("routing_key", "keys")} AND position < @before ORDER BY position";
        _writer = EventLogWriter.For(database);
        _timeProvider = timeProvider;
        _logger = logger;
        _limits = limits;
        _budget = new EventBudget(limits.MaxQueuedEvents);
        _writing = Task.Run(WriteGroupsAsync);
    }

    /// <summary>Test hook: awaited by the writer with the group's event count after taking a group, before writing it.</summary>
    internal Func<int, Task>? BeforeGroupWrite { get; set; }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        Validate(events);
        if (events.Count == 0)
        {
            return [];
        }

        var share = _budget.ShareOf(events.Count);
        await _budget.TakeAsync(share, cancellationToken);
        var pending = new PendingAppend(events, _timeProvider.GetUtcNow().UtcDateTime, share);
        if (cancellationToken.IsCancellationRequested || !_queue.Writer.TryWrite(pending))
        {
            _budget.Return(share);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ObjectDisposedException(nameof(AdoNetEventLog), "The event log is shut down; nothing was appended.");
        }

        await using var registration = cancellationToken.Register(
            static (state, token) => ((PendingAppend)state!).TryCancel(token), pending);
        return await pending.Completion;
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(long afterPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            command.AddParameter("after", afterPosition);
            command.AddParameter("max", max);
            return await ReadEventsAsync(command, max, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadTenantSql;
            command.AddParameter("tenant_id", tenantId);
            command.AddParameter("after", afterPosition);
            command.AddParameter("max", max);
            return await ReadEventsAsync(command, max, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadRoutingKeysAsync(
        string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(routingKeys);
        if (routingKeys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _readKeysSql;
            command.AddParameter("tenant_id", tenantId);
            command.AddParameter("before", beforePosition);
            _database.AddTextList(command, "keys", routingKeys);
            return await ReadEventsAsync(command, 1024, cancellationToken);
        }, cancellationToken);
    }

    public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = CountTenantSql;
            command.AddParameter("tenant_id", tenantId);
            command.AddParameter("after", afterPosition);
            command.AddParameter("through", throughPosition);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public Task<long> GetLastPositionAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = LastPositionSql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Stops taking batches, writes every batch already queued, and returns when all callers are answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    /// <summary>
    /// Stops taking batches without waiting: the queued ones are still written in the background, or fail if the
    /// database is disposed first. Hosts dispose asynchronously, which waits for them.
    /// </summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteGroupsAsync()
    {
        var reader = _queue.Reader;
        PendingAppend? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            _group.Clear();
            if (carried is not null)
            {
                _group.Add(carried);
                carried = null;
            }

            while (_group.EventCount < _limits.MaxGroupEvents && reader.TryRead(out var next))
            {
                if (!next.TryTake())
                {
                    // Its caller gave up before the batch was taken: it is answered already, and nothing is written.
                    _budget.Return(next.BudgetShare);
                    continue;
                }

                if (_group.EventCount > 0 && _group.EventCount + next.Events.Count > _limits.MaxGroupEvents)
                {
                    // Batches are never split (each is all or nothing): this one opens the next group.
                    carried = next;
                    break;
                }

                _group.Add(next);
            }

            if (_group.Appends.Count > 0)
            {
                await WriteGroupAsync();
            }
        }
    }

    private async Task WriteGroupAsync()
    {
        try
        {
            if (BeforeGroupWrite is { } hook)
            {
                await hook(_group.EventCount);
            }

            await WriteAsync(_group);
            _group.TrackTenants(_tails);
            _group.Complete();
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && _group.Appends.Count > 1)
        {
            _tails.Break();
            // Not an outage but something about the data (or a defect): write each batch alone, so one bad batch
            // fails only its own caller.
            LogGroupRejected(_logger, _group.EventCount, _group.Appends.Count, ex);
            foreach (var append in _group.Appends)
            {
                _single.Clear();
                _single.Add(append);
                await WriteAloneAsync();
            }
        }
        catch (Exception ex)
        {
            _tails.Break();
            LogGroupFailed(_logger, _group.EventCount, _group.Appends.Count, _database.Target, ex);
            _group.Fail(ex);
        }
        finally
        {
            foreach (var append in _group.Appends)
            {
                _budget.Return(append.BudgetShare);
            }
        }
    }

    private async Task WriteAloneAsync()
    {
        try
        {
            await WriteAsync(_single);
            _single.TrackTenants(_tails);
            _single.Complete();
        }
        catch (Exception ex)
        {
            _tails.Break();
            LogGroupFailed(_logger, _single.EventCount, 1, _database.Target, ex);
            _single.Fail(ex);
        }
    }

    // The writer is never cancelled: a taken batch is written and answered either way, and shutdown flushes the queue.
    private Task WriteAsync(EventLogGroup group) =>
        _database.RunAsync(connection => _writer.AppendAsync(connection, group, CancellationToken.None), CancellationToken.None);

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(DbCommand command, int max, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>(Math.Min(max, 1024));
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                // SQLite hands back the text without a kind; both dialects store UTC.
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                reader.GetFieldValue<byte[]>(5)));
        }

        return events;
    }

    /// <summary>
    /// Rejects what the database would reject for the whole group (PostgreSQL text cannot hold NUL), before the batch
    /// joins a group, so that a bad batch fails alone and at once.
    /// </summary>
    private static void Validate(IReadOnlyList<LogEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var index = 0; index < events.Count; index++)
        {
            var logEvent = events[index] ?? throw new ArgumentException($"events[{index}] is null.", nameof(events));
            RequireText(logEvent.TenantId, index, nameof(LogEvent.TenantId), allowEmpty: false);
            RequireText(logEvent.EventId, index, nameof(LogEvent.EventId), allowEmpty: false);
            RequireText(logEvent.RoutingKey, index, nameof(LogEvent.RoutingKey), allowEmpty: true);
        }
    }

    // The message is made only for a bad value: this runs for every field of every event appended.
    private static void RequireText(string? value, int index, string field, bool allowEmpty)
    {
        if (value is null || (!allowEmpty && value.Length == 0) || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"events[{index}].{field} must be {(allowEmpty ? "a" : "a non-empty")} string without NUL characters.", "events");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Appending {Events} events from {Callers} callers to the event log on {Database} failed; none of them was acknowledged")]
    private static partial void LogGroupFailed(ILogger logger, int events, int callers, string database, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A group of {Events} events from {Callers} callers was rejected by the database; writing each caller's batch alone")]
    private static partial void LogGroupRejected(ILogger logger, int events, int callers, Exception exception);
}
