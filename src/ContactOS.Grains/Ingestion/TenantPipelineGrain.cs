using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Conversations;
using ContactOS.Grains.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// Delivers a tenant's durable events to its grains in event-log order. A batch costs one call per conversation or
/// agent it touches, then the merged changes reach the tenant's two grains in one call each: a busy tenant costs its
/// tenant grains a few calls per batch, never one per event.
/// <para>
/// Log order is what makes recovery exact: after a batch the tenant's grains include every event of the tenant up to a
/// position, which their snapshots record, and a conversation or agent activated again reloads exactly the events
/// routed before the batch. On activation the grain reads the log after the older of the two snapshots' positions and
/// routes it (each tenant grain skips what its snapshot includes): the same path after a first start, a restart, a
/// failover or a move.
/// </para>
/// </summary>
public sealed partial class TenantPipelineGrain(
    IEventHistory history,
    ITenantTimeZones zones,
    IOptions<PipelineOptions> options,
    TimeProvider timeProvider,
    [PersistentState("pipeline", GrainStorageNames.Snapshots)] IPersistentState<PipelineState> state,
    ILogger<TenantPipelineGrain> logger) : Grain, ITenantPipelineGrain
{
    private const int PageSize = 5_000;
    private const int MaxSetAside = 100;
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_inFlightWaitLimit = TimeSpan.FromSeconds(1);

    /// <summary>Changes are published at most this often: dashboards refresh a few times a second, whatever the event rate.</summary>
    private static readonly TimeSpan s_publishInterval = TimeSpan.FromMilliseconds(20);

    private string _tenantId = "";
    private long _epoch;
    private bool _caughtUp;
    private Task? _catchingUp;

    // The batch being applied (a call or a retry): a query waits for it, so it never reads a tenant grain that
    // has the batch beside one that has not.
    private Task? _inFlight;

    // Every event of the tenant up to _applied has reached its conversations and agents; the tenant grains include the
    // log up to their positions, and changes computed for them but not delivered yet wait in the pending tables.
    private long _applied;
    private long _tenantPosition;
    private long _aggregatorPosition;
    private long _snapshotsThrough;

    // The highest position the tenant's fronts said they appended: above _applied while a failed batch waits for a retry.
    private long _knownThrough;
    private IGrainTimer? _retryTimer;
    private TimeSpan _retryDelay = s_firstRetryDelay;

    private IAsyncStream<TenantChanged>? _changes;
    private long _published;
    private long _lastPublish;
    private IGrainTimer? _publishTimer;

    private readonly Dictionary<MetricKey, long> _pendingBuckets = [];
    private long _pendingBucketsFrom;
    private readonly Dictionary<MetricKey, long> _pendingGauges = [];
    private readonly Dictionary<string, AgentState> _pendingRoster = new(StringComparer.Ordinal);
    private long _pendingLiveFrom;

    // The zone the tenant's figures are bucketed in, read from the tenant's settings at catch-up; a change rebuilds them.
    private string _zone = "UTC";

    private ITenantGrain Tenant => GrainFactory.GetGrain<ITenantGrain>(_tenantId);

    private ITenantAggregatorGrain Aggregator => GrainFactory.GetGrain<ITenantAggregatorGrain>(_tenantId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKeyString();
        _epoch = Random.Shared.NextInt64(1, long.MaxValue);
        var interval = options.Value.SnapshotInterval;
        this.RegisterGrainTimer(OnSnapshotTimerAsync, new GrainTimerCreationOptions(interval, interval));
        return Task.CompletedTask;
    }

    public Task Apply(AppendedEvents events)
    {
        var appended = events.Events;
        if (appended.Length > 0)
        {
            _knownThrough = Math.Max(_knownThrough, appended[^1].Position);
        }

        return InFlight(async () =>
        {
            try
            {
                await ApplyAppendedAsync(appended, events.After);
                await DeliverPendingAsync();
                await PublishChangeAsync();
            }
            catch
            {
                // The events are durable; they are applied from the log by a retry, or by the tenant's next batch.
                ScheduleRetry();
                throw;
            }
        });
    }

    /// <summary>Runs a batch as the one <see cref="CatchUp"/> waits for.</summary>
    private async Task InFlight(Func<Task> batch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight = done.Task;
        try
        {
            await batch();
        }
        finally
        {
            _inFlight = null;
            done.SetResult();
        }
    }

    private async Task ApplyAppendedAsync(PipelineEvent[] appended, long after)
    {
        await EnsureCaughtUpAsync();
        if (appended.Length == 0 || appended[^1].Position <= _applied)
        {
            return;
        }

        var through = appended[^1].Position;
        var fresh = new List<PipelineEvent>(appended.Length);
        foreach (var pipelineEvent in appended)
        {
            if (pipelineEvent.Position > _applied)
            {
                fresh.Add(pipelineEvent);
            }
        }

        // Another request of the tenant may have appended events before these whose call has not arrived yet: they are
        // read from the log, so nothing is applied out of order. The writer's word that these are all of the tenant's
        // events since a position already applied, or consecutive positions right after the last applied, cannot hide
        // any, which spares the count in the usual case.
        var complete = after >= 0 && after <= _applied;
        var consecutive = fresh[0].Position == _applied + 1 && through - fresh[0].Position == fresh.Count - 1;
        if (!complete && !consecutive && await history.CountTenantAsync(_tenantId, _applied, through, CancellationToken.None) != fresh.Count)
        {
            await RouteLogAsync(through);
            return;
        }

        await RouteAsync(fresh);
    }

    public async Task<long> CatchUp()
    {
        await EnsureCaughtUpAsync();
        if (_inFlight is { } batch)
        {
            // Only the batch under way, never the ones queued behind it, and not for long: a batch held up by the database
            // leaves the figures as they are, and they are still worth showing.
            try
            {
                await batch.WaitAsync(s_inFlightWaitLimit, timeProvider);
            }
            catch (TimeoutException)
            {
            }
        }

        return _applied;
    }

    public async Task Wake()
    {
        try
        {
            await EnsureCaughtUpAsync();
        }
        catch (Exception exception)
        {
            LogCatchUpFailed(logger, exception, _tenantId);
        }
    }

    public async Task ChangeTimeZone(string timeZoneId)
    {
        await EnsureCaughtUpAsync();
        if (string.Equals(timeZoneId, _zone, StringComparison.Ordinal))
        {
            return;
        }

        LogRebuilding(logger, _tenantId, _zone, timeZoneId);
        await DeliverPendingAsync();
        var through = _applied;
        _zone = timeZoneId;
        await Aggregator.Reset(timeZoneId);
        _aggregatorPosition = 0;
        _applied = 0;

        // Every conversation recomputes its buckets in the new zone from its first event (a new epoch), the tenant grain,
        // whose gauges do not depend on the zone, skips what it has.
        _epoch = Random.Shared.NextInt64(1, long.MaxValue);
        await RouteLogAsync(through);
        _published = 0;
        await PublishChangeAsync();
    }

    /// <summary>Stores the tenant grains' snapshots (every snapshot interval, and when this activation ends).</summary>
    private async Task SaveSnapshots()
    {
        await DeliverPendingAsync();
        if (_applied > _snapshotsThrough)
        {
            var through = _applied;
            await Task.WhenAll(Tenant.SaveSnapshot(), Aggregator.SaveSnapshot());
            _snapshotsThrough = through;
        }
    }

    public Task<SetAsideEvent[]> GetSetAside() => Task.FromResult(state.State.SetAside.ToArray());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => TrySaveSnapshotsAsync();

    private void ScheduleRetry()
    {
        _retryTimer ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _retryTimer.Change(_retryDelay, Timeout.InfiniteTimeSpan);
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, s_maxRetryDelay.Ticks));
    }

    /// <summary>Applies from the log what a failed batch left, and delivers what a failed call kept back.</summary>
    private Task RetryAsync(CancellationToken cancellationToken) => InFlight(RetryLogAsync);

    private async Task RetryLogAsync()
    {
        var before = _applied;
        try
        {
            await EnsureCaughtUpAsync();
            await RouteLogAsync(_knownThrough);

            await DeliverPendingAsync();
            _retryDelay = s_firstRetryDelay;
            await PublishChangeAsync();
        }
        catch (Exception exception)
        {
            if (_applied > before)
            {
                // Part of it went through: the outage may be over, so the next attempt comes soon again.
                _retryDelay = s_firstRetryDelay;
            }

            LogRetryFailed(logger, exception, _tenantId, _applied, _retryDelay);
            ScheduleRetry();
        }
    }

    /// <summary>
    /// Tells the tenant's live stream that its figures moved, at most once per <see cref="s_publishInterval"/>; a change
    /// inside the interval is published when it ends. A failed publish only delays dashboards until the next change.
    /// </summary>
    private async Task PublishChangeAsync()
    {
        var through = Math.Min(_tenantPosition, _aggregatorPosition);
        if (through <= _published)
        {
            return;
        }

        var wait = _lastPublish == 0 ? TimeSpan.Zero : s_publishInterval - timeProvider.GetElapsedTime(_lastPublish);
        if (wait > TimeSpan.Zero)
        {
            _publishTimer ??= this.RegisterGrainTimer(_ => PublishChangeAsync(), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _publishTimer.Change(wait, Timeout.InfiniteTimeSpan);
            return;
        }

        _lastPublish = timeProvider.GetTimestamp();
        _published = through;
        try
        {
            _changes ??= this.GetStreamProvider(LiveStreams.ProviderName).GetStream<TenantChanged>(LiveStreams.ForTenant(_tenantId));
            await _changes.OnNextAsync(new TenantChanged(_tenantId, through));
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, _tenantId);
        }
    }

    private Task OnSnapshotTimerAsync(CancellationToken cancellationToken) => TrySaveSnapshotsAsync();

    /// <summary>Stores the snapshots if this activation has caught up; a failure only means the next try, or the next activation, replays a little more of the log.</summary>
    private async Task TrySaveSnapshotsAsync()
    {
        if (!_caughtUp)
        {
            return;
        }

        try
        {
            await SaveSnapshots();
        }
        catch (Exception exception)
        {
            LogSnapshotFailed(logger, exception, _tenantId, _applied);
        }
    }

    private async Task EnsureCaughtUpAsync()
    {
        if (_caughtUp)
        {
            return;
        }

        // Queries interleave: every caller awaits the one catch-up under way.
        _catchingUp ??= CatchUpFromSnapshotsAsync();
        try
        {
            await _catchingUp;
        }
        finally
        {
            _catchingUp = null;
        }
    }

    private async Task CatchUpFromSnapshotsAsync()
    {
        // Whatever an earlier attempt left behind is recomputed: conversations start again from the log (new epoch).
        _epoch = Random.Shared.NextInt64(1, long.MaxValue);
        _pendingBuckets.Clear();
        _pendingBucketsFrom = 0;
        _pendingGauges.Clear();
        _pendingRoster.Clear();
        _pendingLiveFrom = 0;
        _tenantPosition = await Tenant.GetPosition();
        _aggregatorPosition = await Aggregator.GetPosition();
        _zone = await zones.GetAsync(_tenantId, CancellationToken.None);
        if (await Aggregator.GetTimeZone() is { } bucketed && !string.Equals(bucketed, _zone, StringComparison.Ordinal))
        {
            // The zone changed while the figures were not here to follow: they are rebuilt from the start of the log.
            LogRebuilding(logger, _tenantId, bucketed, _zone);
            await Aggregator.Reset(_zone);
            _aggregatorPosition = 0;
        }

        var from = Math.Min(_tenantPosition, _aggregatorPosition);
        _applied = from;
        _snapshotsThrough = from;
        var events = await RouteLogAsync(long.MaxValue);
        _caughtUp = true;
        LogCaughtUp(logger, _tenantId, from, _applied, events);
        if (events > 0)
        {
            await PublishChangeAsync();
        }
    }

    /// <summary>Routes the tenant's events the log holds after <see cref="_applied"/>, up to <paramref name="through"/>, a page at a time; returns how many.</summary>
    private async Task<int> RouteLogAsync(long through)
    {
        var routed = 0;
        while (_applied < through)
        {
            var page = await history.ReadTenantAfterAsync(_tenantId, _applied, PageSize, CancellationToken.None);
            var events = page.Where(e => e.Position <= through).ToList();
            await RouteAsync(events);
            routed += events.Count;
            if (page.Count < PageSize || events.Count < page.Count)
            {
                break;
            }
        }

        return routed;
    }

    /// <summary>Routes events above <see cref="_applied"/>, in position order, cut where a tenant grain's snapshot ends.</summary>
    private async Task RouteAsync(List<PipelineEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var position = events[i].Position;
            var last = i == events.Count - 1;
            if (last || CutAfter(position, events[i + 1].Position))
            {
                await RouteSegmentAsync(events.GetRange(start, i - start + 1));
                start = i + 1;
            }
        }
    }

    private bool CutAfter(long position, long next) =>
        (position <= _tenantPosition && next > _tenantPosition) || (position <= _aggregatorPosition && next > _aggregatorPosition);

    private async Task RouteSegmentAsync(List<PipelineEvent> segment)
    {
        var range = new LogRange(segment[0].Position, segment[^1].Position);
        var toTenant = range.Through > _tenantPosition;
        var toAggregator = range.Through > _aggregatorPosition;
        if (!toTenant && !toAggregator)
        {
            // Both snapshots include it (a catch-up's start): conversations of this activation's epoch load it as history.
            _applied = range.Through;
            return;
        }

        var zone = _zone;
        var (conversations, agents) = Group(segment);

        // Should a call fail, nothing of the segment is kept here and _applied stays: the next attempt starts at the same
        // position, and conversations that answered this one answer again with the whole change (ConversationGrain).
        var (answers, roster) = await AskAsync(conversations, agents, zone, range);

        foreach (var (conversationId, update) in answers)
        {
            if (update.Failure is { } failure)
            {
                await SetAsideAsync(conversations[conversationId].Events, failure);
                continue;
            }

            AddChanges(update.Changes, toTenant, toAggregator);
        }

        foreach (var (agentId, update) in roster)
        {
            if (update.Failure is { } failure)
            {
                await SetAsideAsync(agents[agentId].Events, failure);
                continue;
            }

            AddChanges(update.Changes, toTenant, toAggregator);
            if (toTenant && update.State is { } agent)
            {
                _pendingRoster[agent.AgentId] = agent;
            }
        }

        if (toTenant)
        {

            _pendingLiveFrom = _pendingLiveFrom == 0 ? Math.Max(range.From, _tenantPosition + 1) : _pendingLiveFrom;
        }

        if (toAggregator)
        {
            _pendingBucketsFrom = _pendingBucketsFrom == 0 ? Math.Max(range.From, _aggregatorPosition + 1) : _pendingBucketsFrom;
        }

        _applied = range.Through;
        await DeliverPendingAsync();
    }

    /// <summary>Keeps a conversation's or an agent's changes for the tenant grains that do not include them yet.</summary>
    private void AddChanges(KeyValuePair<MetricKey, long>[] changes, bool toTenant, bool toAggregator)
    {
        foreach (var (key, change) in changes)
        {
            var target = key.IsGauge ? (toTenant ? _pendingGauges : null) : (toAggregator ? _pendingBuckets : null);
            if (target is not null)
            {
                target[key] = target.GetValueOrDefault(key) + change;
            }
        }
    }

    /// <summary>Hands the tenant grains the changes computed for them; what a failed call leaves is sent with the next batch.</summary>
    private async Task DeliverPendingAsync()
    {
        try
        {
            if (_pendingBucketsFrom > 0)
            {
                var range = new LogRange(_pendingBucketsFrom, _applied);
                await Aggregator.ApplyChanges(new BucketChanges(NonZero(_pendingBuckets), range, _zone, _aggregatorPosition));
                _aggregatorPosition = range.Through;
                _pendingBuckets.Clear();
                _pendingBucketsFrom = 0;
            }

            if (_pendingLiveFrom > 0)
            {
                var range = new LogRange(_pendingLiveFrom, _applied);
                await Tenant.Apply(new TenantLiveChanges(NonZero(_pendingGauges), [.. _pendingRoster.Values], range, _tenantPosition));
                _tenantPosition = range.Through;
                _pendingGauges.Clear();
                _pendingRoster.Clear();
                _pendingLiveFrom = 0;
            }
        }
        catch
        {
            // A tenant grain that did not take its changes may hold another state than this pipeline assumes (it was
            // reactivated from another snapshot): the next call catches up again from the positions the grains hold.
            _caughtUp = false;
            throw;
        }
    }

    private static KeyValuePair<MetricKey, long>[] NonZero(Dictionary<MetricKey, long> changes) =>
        [.. changes.Where(change => change.Value != 0)];

    /// <summary>
    /// Hands each conversation and agent its events and keeps what it answers: its changes, and an agent's roster entry.
    /// All calls are started before any is awaited. Fresh activations ask for their history first, read from the
    /// log in one query for all of them, then get the batch again with it.
    /// </summary>
    private async Task<(Dictionary<string, ConversationUpdate> Answers, Dictionary<string, AgentUpdate> Roster)> AskAsync(
        Dictionary<string, ConversationEvents> conversations, Dictionary<string, AgentEvents> agents, string zone, LogRange range)
    {
        var conversationCalls = new List<(string Id, Task<ConversationUpdate> Update)>(conversations.Count);
        foreach (var (conversationId, events) in conversations)
        {
            conversationCalls.Add((conversationId, Conversation(conversationId).Apply(new ConversationBatch([.. events.Entries], zone, range.From, _epoch))));
        }

        var agentCalls = new List<(string Id, Task<AgentUpdate> Update)>(agents.Count);
        foreach (var (agentId, entries) in agents)
        {
            agentCalls.Add((agentId, Agent(agentId).Apply(new AgentBatch([.. entries.Entries], zone, range.From, _epoch))));
        }

        var answers = new Dictionary<string, ConversationUpdate>(conversations.Count, StringComparer.Ordinal);
        var roster = new Dictionary<string, AgentUpdate>(agents.Count, StringComparer.Ordinal);
        var needHistory = new List<string>();
        foreach (var (conversationId, call) in conversationCalls)
        {
            var answer = await call;
            if (answer.NeedsHistory)
            {
                needHistory.Add(RoutingKeys.ConversationPrefix + conversationId);
            }
            else
            {
                answers[conversationId] = answer;
            }
        }

        foreach (var (agentId, call) in agentCalls)
        {
            var update = await call;
            if (update.NeedsHistory)
            {
                needHistory.Add(RoutingKeys.AgentPrefix + agentId);
            }
            else
            {
                roster[agentId] = update;
            }
        }

        if (needHistory.Count == 0)
        {
            return (answers, roster);
        }

        var before = await ReadHistoryAsync(needHistory, range.From);
        var conversationLoads = new List<(string Id, Task<ConversationUpdate> Update)>();
        var agentLoads = new List<(string Id, Task<AgentUpdate> Update)>();
        foreach (var key in needHistory)
        {
            var history = before.GetValueOrDefault(key) ?? [];
            if (key.StartsWith(RoutingKeys.AgentPrefix, StringComparison.Ordinal))
            {
                var agentId = key[RoutingKeys.AgentPrefix.Length..];
                AgentStatusEntry[] loaded = [.. history.Select(e => TimelineEntries.ForAgent(e.Event, e.Position))];
                var batch = new AgentBatch([.. agents[agentId].Entries], zone, range.From, _epoch);
                agentLoads.Add((agentId, Agent(agentId).ApplyWithHistory(loaded, batch)));
            }
            else
            {
                var conversationId = key[RoutingKeys.ConversationPrefix.Length..];
                TimelineEntry[] loaded = [.. history.Select(e => TimelineEntries.ForConversation(e.Event, e.Position))];
                var batch = new ConversationBatch([.. conversations[conversationId].Entries], zone, range.From, _epoch);
                conversationLoads.Add((conversationId, Conversation(conversationId).ApplyWithHistory(loaded, batch)));
            }
        }

        foreach (var (conversationId, update) in conversationLoads)
        {
            answers[conversationId] = await update;
        }

        foreach (var (agentId, update) in agentLoads)
        {
            roster[agentId] = await update;
        }

        return (answers, roster);
    }

    /// <summary>The tenant's events before <paramref name="before"/> with the given routing keys, by routing key.</summary>
    private async Task<Dictionary<string, List<PipelineEvent>>> ReadHistoryAsync(List<string> routingKeys, long before)
    {
        var events = await history.ReadAsync(_tenantId, routingKeys, before, CancellationToken.None);
        var byKey = new Dictionary<string, List<PipelineEvent>>(StringComparer.Ordinal);
        foreach (var pipelineEvent in events)
        {
            var key = RoutingKeys.Of(pipelineEvent.Event);
            if (!byKey.TryGetValue(key, out var list))
            {
                list = [];
                byKey[key] = list;
            }

            list.Add(pipelineEvent);
        }

        return byKey;
    }

    private async Task SetAsideAsync(List<PipelineEvent> events, string reason)
    {
        var setAside = state.State.SetAside;
        foreach (var (contactEvent, position) in events)
        {
            if (setAside.Exists(e => e.Position == position))
            {
                // Met again on a catch-up after a restart: listed once.
                continue;
            }

            LogSetAside(logger, _tenantId, position, contactEvent.Id, reason);
            setAside.Add(new SetAsideEvent(position, contactEvent.Id, contactEvent.Type, contactEvent.Timestamp, reason));
        }

        if (setAside.Count > MaxSetAside)
        {
            setAside.RemoveRange(0, setAside.Count - MaxSetAside);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // The list is informative; the events stay in the log whatever happens here.
            LogSnapshotFailed(logger, exception, _tenantId, _applied);
        }
    }

    private static (Dictionary<string, ConversationEvents> Conversations, Dictionary<string, AgentEvents> Agents) Group(
        List<PipelineEvent> segment)
    {
        var conversations = new Dictionary<string, ConversationEvents>(StringComparer.Ordinal);
        var agents = new Dictionary<string, AgentEvents>(StringComparer.Ordinal);
        foreach (var pipelineEvent in segment)
        {
            var (contactEvent, position) = pipelineEvent;
            if (EventTypes.IsAgentEvent(contactEvent.Type))
            {
                if (!agents.TryGetValue(contactEvent.AgentId!, out var entries))
                {
                    entries = new AgentEvents();
                    agents[contactEvent.AgentId!] = entries;
                }

                entries.Entries.Add(TimelineEntries.ForAgent(contactEvent, position));
                entries.Events.Add(pipelineEvent);
            }
            else if (contactEvent.ConversationId is { } conversationId)
            {
                if (!conversations.TryGetValue(conversationId, out var events))
                {
                    events = new ConversationEvents();
                    conversations[conversationId] = events;
                }

                events.Entries.Add(TimelineEntries.ForConversation(contactEvent, position));
                events.Events.Add(pipelineEvent);
            }
        }

        return (conversations, agents);
    }

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.GetGrain<IConversationGrain>(GrainKeys.ForTenant(_tenantId, conversationId));

    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.ForTenant(_tenantId, agentId));

    private sealed class ConversationEvents
    {
        public List<TimelineEntry> Entries { get; } = [];

        public List<PipelineEvent> Events { get; } = [];
    }

    private sealed class AgentEvents
    {
        public List<AgentStatusEntry> Entries { get; } = [];

        public List<PipelineEvent> Events { get; } = [];
    }

    [LoggerMessage(1, LogLevel.Information, "Tenant {TenantId} caught up with the event log from position {From} to {Through} ({Events} events)")]
    private static partial void LogCaughtUp(ILogger logger, string tenantId, long from, long through, int events);

    [LoggerMessage(2, LogLevel.Warning, "Catching tenant {TenantId} up with the event log failed; the next call or event tries again")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(3, LogLevel.Warning, "Storing the snapshots of tenant {TenantId} at position {Position} failed; the next interval tries again")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string tenantId, long position);

    [LoggerMessage(5, LogLevel.Warning, "Applying the events of tenant {TenantId} after position {Position} failed again; retrying in {Delay}")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, string tenantId, long position, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "Publishing a change of tenant {TenantId} on its live stream failed; its dashboards catch up with the next change")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(7, LogLevel.Information, "Tenant {TenantId}'s time zone changed from {From} to {To}: its figures are rebuilt from the event log")]
    private static partial void LogRebuilding(ILogger logger, string tenantId, string from, string to);

    [LoggerMessage(4, LogLevel.Warning, "Event {EventId} of tenant {TenantId} at position {Position} could not be applied and was set aside: {Reason}")]
    private static partial void LogSetAside(ILogger logger, string tenantId, long position, string eventId, string reason);
}
