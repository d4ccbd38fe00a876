using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Writes the batch traffic of <see cref="TrafficOptions"/>: for each tenant its agents' status changes and its
/// conversations, then the moment each event arrives (on time, shuffled, hours late, or twice).
/// </summary>
internal static class BatchTraffic
{
    // Relative conversation volume by local hour: quiet at night, peaks late morning and early evening.
    private static readonly double[] s_hourlyLoad =
    [
        0.10, 0.06, 0.05, 0.05, 0.06, 0.10, 0.20, 0.40, 0.70, 0.90, 1.00, 1.00,
        0.90, 0.80, 0.85, 0.90, 0.95, 0.90, 0.80, 0.60, 0.45, 0.35, 0.25, 0.15,
    ];

    public static IReadOnlyList<TenantEvent> Generate(TrafficOptions options)
    {
        options.Validate();
        var seeds = new Random(options.Seed);
        var schedule = new ArrivalSchedule();
        foreach (var tenantId in options.TenantIds)
        {
            var random = new Random(seeds.Next());
            var tenant = TenantProfile.Create(tenantId, random, options.AgentsPerTenant, idPrefix: "");
            WriteAgents(options, tenant, random, schedule);
            WriteConversations(options, tenant, random, schedule);
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

    private static void WriteConversations(TrafficOptions options, TenantProfile tenant, Random random, ArrivalSchedule schedule)
    {
        var writer = new ConversationWriter(tenant, random, options.AiResolvedShare, pace: 1);
        var starts = Enumerable.Range(0, options.ConversationsPerTenant).Select(_ => DrawStart(options, tenant, random)).Order().ToList();
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
            var local = candidate.ToOffset(tenant.Offset);
            var load = s_hourlyLoad[local.Hour] * (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0);
            if (candidate < options.End && random.NextDouble() < load)
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
