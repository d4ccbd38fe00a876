using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Writes the batch traffic of <see cref="TrafficOptions"/>: for each tenant its agents' status changes and its
/// conversations, then the moment each event arrives (on time, shuffled, hours late, or twice).
/// </summary>
internal static class BatchTraffic
{
    public static IReadOnlyList<TenantEvent> Generate(TrafficOptions options)
    {
        options.Validate();
        var seeds = new Random(options.Seed);
        var schedule = new ArrivalSchedule();
        foreach (var tenantId in options.TenantIds)
        {
            var random = new Random(seeds.Next());
            var model = options.Models?[tenantId];
            var tenant = model is null
                ? TenantProfile.Create(tenantId, random, options.AgentsPerTenant, idPrefix: "")
                : TenantProfile.Create(tenantId, model, random, options.AgentsPerTenant, idPrefix: "");
            WriteAgents(options, tenant, random, schedule);
            WriteConversations(options, tenant, model, random, schedule);
        }

        return schedule.InArrivalOrder();
    }

    private static void WriteAgents(TrafficOptions options, TenantProfile tenant, Random random, ArrivalSchedule schedule)
    {
        foreach (var agent in tenant.Agents)
        {
            // Every agent has a status from before the window opens, then changes it every few hours.
            var at = options.Start - TimeSpan.FromHours(random.Uniform(0, 12));
            while (at <= options.EffectiveNow)
            {
                Schedule(options, tenant, random, schedule, tenant.ChangeAgentStatus(random, agent, at), startArrivesLate: false);
                at += TimeSpan.FromMinutes(random.Uniform(20, 360));
            }
        }
    }

    private static void WriteConversations(
        TrafficOptions options, TenantProfile tenant, TenantModel? model, Random random, ArrivalSchedule schedule)
    {
        var writer = new ConversationWriter(tenant, random, options.AiResolvedShare, pace: 1);
        var starts = model is null
            ? Enumerable.Range(0, options.ConversationsPerTenant).Select(_ => DrawStart(options, tenant, random)).Order().ToList()
            : TrafficShape.Arrivals(model, options.Start, random).TakeWhile(start => start < options.End).ToList();
        foreach (var start in starts)
        {
            var startArrivesLate = random.Chance(options.OutOfOrderRatio);
            foreach (var contactEvent in writer.Write(start))
            {
                if (contactEvent.Timestamp <= options.EffectiveNow)
                {
                    Schedule(options, tenant, random, schedule, contactEvent, startArrivesLate);
                }
            }
        }
    }

    private static DateTimeOffset DrawStart(TrafficOptions options, TenantProfile tenant, Random random)
    {
        var span = (options.End - options.Start).Ticks;
        while (true)
        {
            var candidate = options.Start + TimeSpan.FromTicks((long)(random.NextDouble() * span));
            if (candidate < options.End && random.NextDouble() < TrafficShape.Load(candidate.ToOffset(tenant.Offset)))
            {
                return candidate;
            }
        }
    }

    private static void Schedule(
        TrafficOptions options, TenantProfile tenant, Random random, ArrivalSchedule schedule, ContactEvent contactEvent, bool startArrivesLate)
    {
        var arrival = contactEvent.Timestamp;
        if (startArrivesLate && contactEvent.Type == EventTypes.ConversationStarted)
        {
            // After the conversation's first messages: the system first sees it through some other event.
            arrival += TimeSpan.FromSeconds(random.Uniform(30, 1200));
        }
        else if (random.Chance(options.OutOfOrderRatio))
        {
            arrival += random.Chance(0.15)
                ? TimeSpan.FromHours(random.Uniform(1, 12))
                : TimeSpan.FromSeconds(random.Uniform(1, 600));
        }

        var tenantEvent = new TenantEvent(tenant.TenantId, contactEvent);
        schedule.Add(tenantEvent, arrival);
        if (random.Chance(options.DuplicateRatio))
        {
            // A retry after a lost acknowledgement: seconds later, or replayed from a backlog hours later.
            schedule.Add(tenantEvent, arrival + (random.Chance(0.7) ? TimeSpan.FromSeconds(random.Uniform(0.1, 60)) : TimeSpan.FromHours(random.Uniform(1, 72))));
        }
    }
}
