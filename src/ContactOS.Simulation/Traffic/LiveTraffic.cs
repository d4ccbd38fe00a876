using System.Globalization;
using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// The live stream's state between ticks: the conversations under way and each event waiting for the moment it falls
/// due. Without models, a budget keeps the output at the target rate: whenever no event is due and the budget allows
/// one more, a new conversation starts. With models, each tenant's conversations start when its model's arrivals fall
/// due, and every due event is emitted. Emitted events carry the tick's time as their timestamp.
/// </summary>
internal sealed class LiveTraffic
{
    // On average each tenant has one agent change status this often.
    private static readonly TimeSpan s_statusChangeEvery = TimeSpan.FromSeconds(30);

    private readonly LiveTrafficOptions _options;
    private readonly Random _random;
    private readonly List<(TenantProfile Tenant, ConversationWriter Writer)> _tenants = [];
    private readonly List<(ConversationWriter Writer, IEnumerator<DateTimeOffset> Starts)> _arrivals = [];
    private readonly PriorityQueue<TenantEvent, (long DueTicks, long Sequence)> _due = new();
    private DateTimeOffset _last;
    private double _budget;
    private long _sequence;

    public LiveTraffic(LiveTrafficOptions options, DateTimeOffset startedAt)
    {
        options.Validate();
        _options = options;
        _random = new Random(options.Seed);
        _last = startedAt;
        var runId = options.RunId ?? startedAt.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        foreach (var tenantId in options.TenantIds)
        {
            var model = options.Models?[tenantId];
            var tenant = model is null
                ? TenantProfile.Create(
                    tenantId, _random, options.AgentsPerTenant, idPrefix: runId + "-", agentIdPrefix: options.StableAgentIds ? "" : null)
                : TenantProfile.Create(tenantId, model, _random, options.AgentsPerTenant, idPrefix: runId + "-");
            var writer = new ConversationWriter(tenant, _random, options.AiResolvedShare, options.Pace);
            _tenants.Add((tenant, writer));
            if (model is not null)
            {
                var starts = TrafficShape.Arrivals(model, startedAt, new Random(_random.Next())).GetEnumerator();
                starts.MoveNext();
                _arrivals.Add((writer, starts));
            }

            // The roster is known from the first moment.
            foreach (var agent in tenant.Agents)
            {
                Enqueue(tenant, tenant.ChangeAgentStatus(_random, agent, startedAt));
            }
        }
    }

    /// <summary>The events that fall due up to <paramref name="now"/>, as many as the rate allows.</summary>
    public IReadOnlyList<TenantEvent> Tick(DateTimeOffset now)
    {
        var elapsed = now - _last;
        if (elapsed <= TimeSpan.Zero)
        {
            return [];
        }

        _last = now;
        if (_arrivals.Count > 0)
        {
            return ModelTick(now, elapsed);
        }

        // A stalled consumer should not cause a burst when it comes back: at most two seconds' worth is owed.
        _budget = Math.Min(_budget + (_options.EventsPerSecond * elapsed.TotalSeconds), (_options.EventsPerSecond * 2) + 1);
        ChangeSomeAgentStatuses(now, elapsed);

        var emitted = new List<TenantEvent>();
        while (_budget >= 1)
        {
            if (!_due.TryPeek(out var next, out var due) || due.DueTicks > now.UtcTicks)
            {
                StartConversation(now);
                continue;
            }

            _due.Dequeue();
            emitted.Add(Stamped(next, now));
            _budget--;
        }

        return emitted;
    }

    private List<TenantEvent> ModelTick(DateTimeOffset now, TimeSpan elapsed)
    {
        ChangeSomeAgentStatuses(now, elapsed);
        foreach (var (writer, starts) in _arrivals)
        {
            for (; starts.Current <= now; starts.MoveNext())
            {
                foreach (var contactEvent in writer.Write(starts.Current))
                {
                    Enqueue(writer.Tenant, contactEvent);
                }
            }
        }

        var emitted = new List<TenantEvent>();
        while (_due.TryPeek(out var next, out var due) && due.DueTicks <= now.UtcTicks)
        {
            _due.Dequeue();
            emitted.Add(Stamped(next, now));
        }

        return emitted;
    }

    private void ChangeSomeAgentStatuses(DateTimeOffset now, TimeSpan elapsed)
    {
        var probability = Math.Min(1, elapsed / s_statusChangeEvery);
        foreach (var (tenant, _) in _tenants)
        {
            if (_random.Chance(probability))
            {
                Enqueue(tenant, tenant.ChangeAgentStatus(_random, _random.Pick(tenant.Agents), now));
            }
        }
    }

    private void StartConversation(DateTimeOffset now)
    {
        var (tenant, writer) = _random.Pick(_tenants);
        foreach (var contactEvent in writer.Write(now))
        {
            Enqueue(tenant, contactEvent);
        }
    }

    private static TenantEvent Stamped(TenantEvent tenantEvent, DateTimeOffset now) =>
        tenantEvent with { Event = tenantEvent.Event with { Timestamp = now.ToOffset(tenantEvent.Event.Timestamp.Offset) } };

    private void Enqueue(TenantProfile tenant, ContactEvent contactEvent) =>
        _due.Enqueue(new TenantEvent(tenant.TenantId, contactEvent), (contactEvent.Timestamp.UtcTicks, ++_sequence));
}
