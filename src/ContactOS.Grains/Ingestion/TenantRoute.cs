using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;
using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Agents;
using ContactOS.Grains.Conversations;
using ContactOS.Grains.Tenants;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// One tenant's queue and its single consumer (see <see cref="TenantEventPipeline"/>). Batches are routed one after
/// another; snapshots are taken between batches, so the position a snapshot records is exact.
/// </summary>
internal sealed class TenantRoute
{
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly string _tenantId;
    private readonly TenantEventPipeline _pipeline;
    private readonly Lock _lock = new();
    private readonly List<(long Position, TaskCompletionSource Done)> _waiters = [];
    private List<PipelineEvent> _queue = [];
    private bool _running;
    private bool _snapshotDue;
    private bool _retired;
    private bool _caughtUp;
    private ITimer? _snapshotTimer;
    private long _enqueuedThrough;
    private long _routedThrough;
    private long _firstUnsnapshotted;
    private DateTimeOffset _lastSnapshot;

    // Positions the tenant's grains include; loaded before the first batch (they matter when recovery replays).
    private bool _positionsLoaded;
    private long _tenantPosition;
    private long _aggregatorPosition;

    public TenantRoute(string tenantId, TenantEventPipeline pipeline)
    {
        _tenantId = tenantId;
        _pipeline = pipeline;
        _lastSnapshot = pipeline.TimeProvider.GetUtcNow();
    }

    public string TenantId => _tenantId;

    public long RoutedThrough
    {
        get
        {
            lock (_lock)
            {
                return _routedThrough;
            }
        }
    }

    public long EnqueuedThrough
    {
        get
        {
            lock (_lock)
            {
                return _enqueuedThrough;
            }
        }
    }

    public (long FirstUnsnapshotted, long EnqueuedThrough) CheckpointInputs
    {
        get
        {
            lock (_lock)
            {
                return (_firstUnsnapshotted, _enqueuedThrough);
            }
        }
    }

    // Local references: a route applies its tenant's events on this silo or not at all. After the tenant moved, its calls
    // fail rather than reach the new owner, whose own route applies the same events.
    private ITenantGrain TenantGrain => _pipeline.Grains.GetLocalGrain<ITenantGrain>(_tenantId);

    private ITenantAggregatorGrain Aggregator => _pipeline.Grains.GetLocalGrain<ITenantAggregatorGrain>(_tenantId);

    public void Enqueue(IReadOnlyList<PipelineEvent> events)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return;
            }

            foreach (var pipelineEvent in events)
            {
                if (pipelineEvent.Position <= _enqueuedThrough && _pipeline.TailsLog)
                {
                    // Read already by this route's catch-up.
                    continue;
                }

                if (pipelineEvent.Position <= _enqueuedThrough)
                {
                    throw new InvalidOperationException(
                        $"Tenant {_tenantId}: event at position {pipelineEvent.Position} queued after position {_enqueuedThrough}.");
                }

                _queue.Add(pipelineEvent);
                _enqueuedThrough = pipelineEvent.Position;
                if (_firstUnsnapshotted == 0)
                {
                    _firstUnsnapshotted = pipelineEvent.Position;
                }
            }

            StartIfIdle();
        }
    }

    public Task WaitRoutedAsync(long position, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_routedThrough >= position)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((position, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Starts the route if it is idle: a new route on a cluster silo then catches up with the log.</summary>
    public void Kick()
    {
        lock (_lock)
        {
            if (!_retired && !_caughtUp && _pipeline.TailsLog)
            {
                StartIfIdle();
            }
        }
    }

    /// <summary>
    /// Stops the route for good: another silo owns the tenant now. A batch under way ends at its next grain call (the
    /// grains are deactivated here, storing their snapshots). Waiters fail with <see cref="SiloUnavailableException"/>:
    /// they are other silos' calls (a front waiting for its events to be applied, a dashboard's long poll), which are
    /// then answered "moved" and retried on the new owner at once, instead of waiting here for events this route will
    /// never apply.
    /// </summary>
    public void Retire()
    {
        List<TaskCompletionSource> waiters;
        lock (_lock)
        {
            _retired = true;
            _queue = [];
            _snapshotTimer?.Dispose();
            waiters = [.. _waiters.Select(waiter => waiter.Done)];
            _waiters.Clear();
        }

        if (waiters.Count > 0)
        {
            var moved = new SiloUnavailableException($"Tenant {_tenantId} is owned by another silo now; its events are applied there.");
            foreach (var waiter in waiters)
            {
                waiter.TrySetException(moved);
            }
        }
    }

    /// <summary>Stores the tenant's snapshots now; for shutdown, once nothing is queued.</summary>
    public Task SnapshotNowAsync() => SnapshotAsync();

    // Called under _lock.
    private void StartIfIdle()
    {
        if (!_running)
        {
            _running = true;
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        if (_pipeline.TailsLog && !_caughtUp)
        {
            await CatchUpAsync();
        }

        while (true)
        {
            List<PipelineEvent> batch;
            bool snapshot;
            lock (_lock)
            {
                if (_retired)
                {
                    _running = false;
                    return;
                }

                batch = _queue;
                snapshot = _snapshotDue || (_routedThrough > 0 && _firstUnsnapshotted > 0
                    && _pipeline.TimeProvider.GetUtcNow() - _lastSnapshot >= _pipeline.SnapshotInterval);
                if (batch.Count == 0 && !snapshot)
                {
                    _running = false;
                    ScheduleSnapshot();
                    return;
                }

                _queue = [];
                _snapshotDue = false;
            }

            if (batch.Count > 0)
            {
                await RouteWithRetryAsync(batch);
                if (IsRetired)
                {
                    continue;
                }

                CompleteWaiters(batch[^1].Position);
            }

            if (snapshot)
            {
                await SnapshotAsync();
            }
        }
    }

    // Called under _lock: when events were routed since the last snapshot, one more snapshot follows once the interval
    // has passed, even if no further event comes.
    private void ScheduleSnapshot()
    {
        if (_firstUnsnapshotted == 0 || _routedThrough < _firstUnsnapshotted)
        {
            return;
        }

        var wait = _pipeline.SnapshotInterval - (_pipeline.TimeProvider.GetUtcNow() - _lastSnapshot);
        _snapshotTimer?.Dispose();
        _snapshotTimer = _pipeline.TimeProvider.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    _snapshotDue = true;
                    StartIfIdle();
                }
            },
            null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task SnapshotAsync()
    {
        long through;
        lock (_lock)
        {
            through = _routedThrough;
        }

        if (through == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(TenantGrain.SaveSnapshot(), Aggregator.SaveSnapshot());
            lock (_lock)
            {
                _lastSnapshot = _pipeline.TimeProvider.GetUtcNow();

                // Everything routed is in the snapshot; whatever is still queued is not.
                _firstUnsnapshotted = _queue.Count > 0 ? _queue[0].Position : (_enqueuedThrough > through ? through + 1 : 0);
            }
        }
        catch (Exception exception)
        {
            TenantEventPipeline.LogSnapshotFailed(_pipeline.Logger, exception, _tenantId, through);
            lock (_lock)
            {
                _lastSnapshot = _pipeline.TimeProvider.GetUtcNow();
            }
        }
    }

    private bool IsRetired
    {
        get
        {
            lock (_lock)
            {
                return _retired;
            }
        }
    }

    /// <summary>
    /// A route new on a cluster silo: the tenant may have been routed elsewhere until now (it moved here, or its owner
    /// died). Its grains here start from their snapshots, so every event of the tenant after the older of the two
    /// snapshot positions is read from the log and routed (each grain skips what its snapshot includes), before
    /// anything the tailer queued. Events the tailer queues meanwhile that the catch-up read too are dropped.
    /// </summary>
    private async Task CatchUpAsync()
    {
        const int PageSize = 5_000;
        var delay = TimeSpan.FromMilliseconds(100);
        while (!IsRetired)
        {
            try
            {
                _tenantPosition = await TenantGrain.GetPosition();
                _aggregatorPosition = await Aggregator.GetPosition();
                _positionsLoaded = true;
                var from = Math.Min(_tenantPosition, _aggregatorPosition);
                var position = from;
                var events = 0;
                while (!IsRetired)
                {
                    var page = await _pipeline.History.ReadTenantAfterAsync(_tenantId, position, PageSize, CancellationToken.None);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    await RouteWithRetryAsync([.. page]);
                    position = page[^1].Position;
                    events += page.Count;
                    lock (_lock)
                    {
                        _enqueuedThrough = Math.Max(_enqueuedThrough, position);
                        _queue.RemoveAll(e => e.Position <= position);
                        if (_firstUnsnapshotted == 0)
                        {
                            _firstUnsnapshotted = page[0].Position;
                        }
                    }

                    CompleteWaiters(position);
                }

                CompleteWaiters(Math.Max(_tenantPosition, _aggregatorPosition));
                _caughtUp = true;

                // Also with no events to replay (the previous owner's snapshots were complete): it tells the operator
                // that this silo routes the tenant from now on.
                TenantEventPipeline.LogCaughtUp(_pipeline.Logger, _tenantId, from, position, events);
                return;
            }
            catch (Exception exception) when (!IsRetired)
            {
                TenantEventPipeline.LogRouteRetry(_pipeline.Logger, exception, _tenantId, 0, 0, delay);
                await Task.Delay(delay, _pipeline.TimeProvider);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxRetryDelay.Ticks));
            }
            catch (Exception)
            {
                return;
            }
        }
    }

    private void CompleteWaiters(long routedThrough)
    {
        List<TaskCompletionSource> done = [];
        lock (_lock)
        {
            _routedThrough = Math.Max(_routedThrough, routedThrough);
            routedThrough = _routedThrough;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Position <= routedThrough)
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    private async Task RouteWithRetryAsync(List<PipelineEvent> batch)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var segments = Segments(batch);
        var next = 0;
        while (next < segments.Count && !IsRetired)
        {
            var segment = segments[next];
            try
            {
                if (!_positionsLoaded)
                {
                    _tenantPosition = await TenantGrain.GetPosition();
                    _aggregatorPosition = await Aggregator.GetPosition();
                    _positionsLoaded = true;
                    segments = Segments(batch);
                    segment = segments[next];
                }

                await RouteSegmentAsync(segment);
                next++;
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception exception)
            {
                // The database is out (a history read) or a tenant grain call failed: nothing of the segment reached the
                // tenant's grains, and conversations that did apply it keep their answers, so a retry is exact.
                var range = new LogRange(segment[0].Position, segment[^1].Position);
                TenantEventPipeline.LogRouteRetry(_pipeline.Logger, exception, _tenantId, range.From, range.Through, delay);
                await Task.Delay(delay, _pipeline.TimeProvider);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>The batch cut at the positions the tenant's grains include, so no segment straddles one.</summary>
    private List<List<PipelineEvent>> Segments(List<PipelineEvent> batch)
    {
        if (!Inside(_tenantPosition) && !Inside(_aggregatorPosition))
        {
            // The usual case: both grains include everything before the batch, or nothing of it.
            return [batch];
        }

        var segments = new List<List<PipelineEvent>>();
        var current = new List<PipelineEvent>();
        for (var i = 0; i < batch.Count; i++)
        {
            current.Add(batch[i]);
            if (i == batch.Count - 1 || CutBetween(batch[i].Position, batch[i + 1].Position))
            {
                segments.Add(current);
                current = [];
            }
        }

        return segments;

        // A cut inside the batch: after its first event and before its last.
        bool Inside(long cut) => cut >= batch[0].Position && cut < batch[^1].Position;

        bool CutBetween(long position, long next) =>
            (position <= _tenantPosition && next > _tenantPosition) || (position <= _aggregatorPosition && next > _aggregatorPosition);
    }

    private readonly Dictionary<string, IReadOnlyList<KeyValuePair<MetricKey, long>>> _conversationAnswers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentState?> _agentAnswers = new(StringComparer.Ordinal);

    // A segment's changes summed over its conversations; reused, as segments are routed one at a time.
    private readonly Dictionary<MetricKey, long> _buckets = [];
    private readonly Dictionary<MetricKey, long> _gauges = [];
    private LogRange _answersRange;

    private async Task RouteSegmentAsync(List<PipelineEvent> segment)
    {
        var range = new LogRange(segment[0].Position, segment[^1].Position);
        var toTenant = range.Through > _tenantPosition;
        var toAggregator = range.Through > _aggregatorPosition;
        if (!toTenant && !toAggregator)
        {
            return;
        }

        if (_answersRange != range)
        {
            // Answers gathered by a failed attempt at this same segment are kept: those grains have applied it already.
            _conversationAnswers.Clear();
            _agentAnswers.Clear();
            _answersRange = range;
        }

        var zone = await _pipeline.Zones.GetAsync(_tenantId, CancellationToken.None);
        var (conversations, agents) = Group(segment);
        await AskConversationsAsync(conversations, zone, range);
        await AskAgentsAsync(agents, range);

        _buckets.Clear();
        _gauges.Clear();
        foreach (var changes in _conversationAnswers.Values)
        {
            // Indexed: a foreach over the interface would box an enumerator per conversation.
            for (var i = 0; i < changes.Count; i++)
            {
                var (key, change) = changes[i];
                var target = key.IsGauge ? _gauges : _buckets;
                target[key] = target.GetValueOrDefault(key) + change;
            }
        }

        var roster = _agentAnswers.Values.OfType<AgentState>().ToList();
        if (toAggregator)
        {
            await Aggregator.ApplyChanges([.. _buckets.Where(c => c.Value != 0)], range, zone);
            _aggregatorPosition = range.Through;
        }

        if (toTenant)
        {
            await TenantGrain.Apply(new TenantLiveChanges([.. _gauges.Where(c => c.Value != 0)], roster, range));
            _tenantPosition = range.Through;
        }

        _conversationAnswers.Clear();
        _agentAnswers.Clear();
        _answersRange = default;
    }

    /// <summary>
    /// Hands each conversation its events and keeps the changes it answers. A grain that is idle runs the call inline
    /// and answers at once (the usual case), so answers are taken as they come and only calls still running are awaited;
    /// all calls are started before any is awaited.
    /// </summary>
    private async Task AskConversationsAsync(Dictionary<string, List<TimelineEntry>> conversations, string zone, LogRange range)
    {
        List<(string Key, Task<ConversationUpdate> Update)>? running = null;
        List<string>? needHistory = null;
        foreach (var (key, entries) in conversations)
        {
            if (_conversationAnswers.ContainsKey(key))
            {
                continue;
            }

            Task<ConversationUpdate> update;
            try
            {
                update = Conversation(key).Apply(entries, zone, range.From);
            }
            catch (Exception exception)
            {
                // No activation could take the call: fails like a call that ran.
                update = Task.FromException<ConversationUpdate>(exception);
            }

            if (update.IsCompletedSuccessfully)
            {
                Take(key, update.Result);
            }
            else
            {
                (running ??= []).Add((key, update));
            }
        }

        foreach (var (key, update) in running ?? [])
        {
            try
            {
                Take(key, await update);
            }
            catch (Exception exception)
            {
                TenantEventPipeline.LogGrainFailed(_pipeline.Logger, exception, _tenantId, key, range.From, range.Through);
                Take(key, new ConversationUpdate(false, []));
            }
        }

        if (needHistory is null)
        {
            return;
        }

        var history = await ReadHistoryAsync(needHistory, RoutingKeys.ConversationPrefix, range.From);
        var loading = new List<(string Key, Task<IReadOnlyList<KeyValuePair<MetricKey, long>>> Changes)>(needHistory.Count);
        foreach (var key in needHistory)
        {
            var before = history.TryGetValue(key, out var events)
                ? events.ConvertAll(e => TimelineEntries.ForConversation(e.Event, e.Position))
                : [];
            try
            {
                loading.Add((key, Conversation(key).ApplyWithHistory(before, conversations[key], zone)));
            }
            catch (Exception exception)
            {
                loading.Add((key, Task.FromException<IReadOnlyList<KeyValuePair<MetricKey, long>>>(exception)));
            }
        }

        foreach (var (key, changes) in loading)
        {
            try
            {
                _conversationAnswers[key] = await changes;
            }
            catch (Exception exception)
            {
                TenantEventPipeline.LogGrainFailed(_pipeline.Logger, exception, _tenantId, key, range.From, range.Through);
                _conversationAnswers[key] = [];
            }
        }

        void Take(string key, ConversationUpdate update)
        {
            if (update.NeedsHistory)
            {
                (needHistory ??= []).Add(key);
            }
            else
            {
                _conversationAnswers[key] = update.Changes;
            }
        }
    }

    private async Task AskAgentsAsync(Dictionary<string, List<AgentStatusEntry>> agents, LogRange range)
    {
        var needHistory = new List<string>();
        foreach (var (agentId, entries) in agents)
        {
            if (_agentAnswers.ContainsKey(agentId))
            {
                continue;
            }

            var update = await Agent(agentId).Apply(entries);
            if (update.NeedsHistory)
            {
                needHistory.Add(agentId);
            }
            else
            {
                _agentAnswers[agentId] = update.State;
            }
        }

        if (needHistory.Count == 0)
        {
            return;
        }

        var history = await ReadHistoryAsync(needHistory, RoutingKeys.AgentPrefix, range.From);
        foreach (var agentId in needHistory)
        {
            var before = history.TryGetValue(agentId, out var events)
                ? events.Select(e => TimelineEntries.ForAgent(e.Event, e.Position)).ToList()
                : [];
            _agentAnswers[agentId] = await Agent(agentId).ApplyWithHistory(before, agents[agentId]);
        }
    }

    private async Task<Dictionary<string, List<PipelineEvent>>> ReadHistoryAsync(List<string> ids, string prefix, long before)
    {
        var events = await _pipeline.History.ReadAsync(_tenantId, [.. ids.Select(id => prefix + id)], before, CancellationToken.None);
        var byId = new Dictionary<string, List<PipelineEvent>>(StringComparer.Ordinal);
        foreach (var pipelineEvent in events)
        {
            var id = prefix == RoutingKeys.AgentPrefix ? pipelineEvent.Event.AgentId! : pipelineEvent.Event.ConversationId!;
            if (!byId.TryGetValue(id, out var list))
            {
                list = [];
                byId[id] = list;
            }

            list.Add(pipelineEvent);
        }

        return byId;
    }

    private static (Dictionary<string, List<TimelineEntry>> Conversations, Dictionary<string, List<AgentStatusEntry>> Agents) Group(
        List<PipelineEvent> segment)
    {
        var conversations = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        var agents = new Dictionary<string, List<AgentStatusEntry>>(StringComparer.Ordinal);
        foreach (var (contactEvent, position) in segment)
        {
            if (EventTypes.IsAgentEvent(contactEvent.Type))
            {
                Add(agents, contactEvent.AgentId!, TimelineEntries.ForAgent(contactEvent, position));
            }
            else if (contactEvent.ConversationId is { } conversationId)
            {
                Add(conversations, conversationId, TimelineEntries.ForConversation(contactEvent, position));
            }
        }

        return (conversations, agents);
    }

    private static void Add<T>(Dictionary<string, List<T>> groups, string key, T item)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            list = [];
            groups[key] = list;
        }

        list.Add(item);
    }

    private IConversationGrain Conversation(string conversationId) =>
        _pipeline.Grains.GetLocalGrain<IConversationGrain>(GrainKeys.ForTenant(_tenantId, conversationId));

    private IAgentGrain Agent(string agentId) => _pipeline.Grains.GetLocalGrain<IAgentGrain>(GrainKeys.ForTenant(_tenantId, agentId));
}
