using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Simulation.Oracle;
using ContactOS.Simulation.Traffic;

namespace ContactOS.Simulation.Tests.Traffic;

public sealed class TrafficGeneratorTests(GeneratedTraffic traffic) : IClassFixture<GeneratedTraffic>
{
    private readonly IReadOnlyList<TenantEvent> _events = traffic.Events;

    private static TrafficOptions Small(int seed) =>
        TrafficOptions.EndingAt(GeneratedTraffic.Now, TimeSpan.FromDays(5)) with { Seed = seed, ConversationsPerTenant = 150 };

    private static string Serialize(IEnumerable<TenantEvent> events) =>
        string.Join('\n', events.Select(e => JsonSerializer.Serialize(e)));

    private IEnumerable<ContactEvent> Distinct => _events.DistinctBy(e => (e.TenantId, e.Event.Id)).Select(e => e.Event);

    // Conversation ids are unique per tenant only.
    private IEnumerable<IGrouping<(string, string?), ContactEvent>> Conversations =>
        _events.DistinctBy(e => (e.TenantId, e.Event.Id))
            .Where(e => e.Event.ConversationId is not null)
            .GroupBy(e => (e.TenantId, e.Event.ConversationId), e => e.Event);

    [Fact]
    public void The_same_seed_gives_the_same_events_in_the_same_order()
    {
        Assert.Equal(Serialize(TrafficGenerator.Generate(Small(7))), Serialize(TrafficGenerator.Generate(Small(7))));
    }

    [Fact]
    public void Different_seeds_give_different_traffic()
    {
        Assert.NotEqual(Serialize(TrafficGenerator.Generate(Small(7))), Serialize(TrafficGenerator.Generate(Small(8))));
    }

    [Fact]
    public void Every_event_type_occurs()
    {
        Assert.Equal(EventTypes.All.Order(), Distinct.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public void Every_handoff_reason_occurs_and_some_far_more_often_than_others()
    {
        var reasons = Distinct.Where(e => e.Type == EventTypes.HandoffRequested).CountBy(e => e.Reason!).ToDictionary();

        Assert.Equal(EventVocabulary.HandoffReasons.Order(), reasons.Keys.Order());
        Assert.True(reasons["complex_request"] > 3 * reasons["other"], string.Join(", ", reasons));
    }

    [Fact]
    public void About_seventy_percent_are_resolved_by_ai_and_the_rest_include_every_human_path()
    {
        var truth = new GroundTruth(_events, _ => TimeZoneInfo.Utc, _ => 3);
        Assert.True(PeriodResolver.TryResolve(
            null, "2025-10-01T00:00:00Z", "2026-01-16T00:00:00Z", "day", GeneratedTraffic.Now, TimeZoneInfo.Utc, out var all, out _));

        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            var kpis = truth.Kpis(tenant, all!, GeneratedTraffic.Now);
            Assert.Equal(GeneratedTraffic.Options.ConversationsPerTenant, kpis.TotalConversations);
            Assert.InRange(kpis.AiResolutionRate, 0.6, 0.75);
            Assert.InRange(truth.ResolutionSplit(tenant, all!).Human, 200, 600);
            Assert.True(kpis.Pending > 0 && kpis.Active > 0, $"{tenant}: pending {kpis.Pending}, active {kpis.Active}");
        }

        var conversations = Conversations.ToList();
        Assert.Contains(conversations, c =>
            c.Any(e => e.Type == EventTypes.HandoffRequested) && c.OrderBy(e => e.Timestamp).Last(e => e.Type == EventTypes.ConversationResolved || e.Type == EventTypes.HandoffRequested).By == "ai");
        Assert.Contains(conversations, c => c.Count(e => e.Type == EventTypes.ConversationResolved) > 1);
        Assert.Contains(conversations, c => c.Count(e => e.Type == EventTypes.HandoffRequested) > 1);
    }

    [Fact]
    public void Every_period_of_the_dashboard_has_conversations_for_every_tenant()
    {
        var truth = new GroundTruth(_events, _ => TimeZoneInfo.Utc, _ => 3);

        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            foreach (var name in new[] { "today", "7d", "30d", "90d" })
            {
                var kpis = truth.Kpis(tenant, PeriodResolver.Resolve(name, GeneratedTraffic.Now, TimeZoneInfo.Utc), GeneratedTraffic.Now);
                Assert.True(kpis.TotalConversations > 0 && kpis.PreviousTotalConversations > 0, $"{tenant} {name}");
                Assert.NotNull(kpis.Satisfaction);
            }
        }
    }

    [Fact]
    public void Some_events_are_resent_with_the_same_id_some_of_them_much_later()
    {
        var positions = _events.Select((e, i) => (e, i)).GroupBy(x => (x.e.TenantId, x.e.Event.Id)).Where(g => g.Count() > 1).ToList();

        Assert.InRange(positions.Count, _events.Count / 100, _events.Count / 25);
        Assert.All(positions, g => Assert.Single(g.Select(x => x.e).Distinct()));
        Assert.Contains(positions, g => g.Max(x => x.i) - g.Min(x => x.i) > 1_000);
    }

    [Fact]
    public void Ids_are_unique_per_tenant_apart_from_resent_events()
    {
        var reused = _events.GroupBy(e => (e.TenantId, e.Event.Id)).Where(g => g.Distinct().Count() > 1);

        Assert.Empty(reused);
    }

    [Fact]
    public void Some_events_arrive_after_later_events_of_their_conversation_some_hours_late()
    {
        var latestSeen = new Dictionary<(string, string), DateTimeOffset>();
        var shuffled = 0;
        var hoursLate = 0;
        foreach (var (tenant, e) in _events.Where(e => e.Event.ConversationId is not null))
        {
            var key = (tenant, e.ConversationId!);
            if (latestSeen.TryGetValue(key, out var latest) && e.Timestamp < latest)
            {
                shuffled++;
                hoursLate += latest - e.Timestamp > TimeSpan.FromHours(1) ? 1 : 0;
            }

            latestSeen[key] = latest > e.Timestamp ? latest : e.Timestamp;
        }

        Assert.True(shuffled > 100, $"{shuffled} events arrived after a later event of their conversation");
        Assert.True(hoursLate > 10, $"{hoursLate} arrived more than an hour behind");
    }

    [Fact]
    public void Some_conversations_are_first_seen_through_an_event_other_than_their_start()
    {
        var firstArrivals = _events.Where(e => e.Event.ConversationId is not null)
            .DistinctBy(e => (e.TenantId, e.Event.ConversationId))
            .Select(e => e.Event.Type)
            .ToList();

        Assert.InRange(firstArrivals.Count(t => t != EventTypes.ConversationStarted), 50, firstArrivals.Count / 5);
    }

    [Fact]
    public void Messages_come_with_a_score_with_text_only_or_with_neither()
    {
        var messages = Distinct.Where(e => e.Type == EventTypes.Message).ToList();

        Assert.InRange(messages.Count(m => m.Sentiment is not null) / (double)messages.Count, 0.4, 0.6);
        Assert.InRange(messages.Count(m => m.Sentiment is null && m.Text is not null) / (double)messages.Count, 0.25, 0.45);
        Assert.InRange(messages.Count(m => m.Sentiment is null && m.Text is null) / (double)messages.Count, 0.1, 0.2);
        Assert.All(messages, m => Assert.Contains(m.Role, EventVocabulary.Roles));
        Assert.All(messages.Where(m => m.Sentiment is not null), m => Assert.InRange(m.Sentiment!.Value, 1, 5));
        Assert.Contains(messages, m => m.Text is { } text && text.Contains('¿', StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Text is { } text && text.Contains("Thanks", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_tenant_has_five_to_ten_intents_a_few_of_them_dominant()
    {
        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            // The fallback intent is the NLU's "nothing better", not one of the tenant's intents.
            var counts = _events.Where(e => e.TenantId == tenant && e.Event.Type == EventTypes.IntentDetected)
                .Where(e => !AnalyticsSettings.DefaultFallbackIntents.Contains(e.Event.Intent))
                .CountBy(e => e.Event.Intent!)
                .Select(c => c.Value)
                .OrderDescending()
                .ToList();

            Assert.InRange(counts.Count, 5, 10);
            Assert.True(counts[0] > 2 * counts[^1], $"{tenant}: {string.Join(", ", counts)}");
        }
    }

    [Fact]
    public void Agents_have_names_change_status_over_time_and_are_the_ones_assigned()
    {
        foreach (var tenant in GeneratedTraffic.Options.TenantIds)
        {
            var statuses = _events.Where(e => e.TenantId == tenant && e.Event.Type == EventTypes.AgentStatus).Select(e => e.Event).ToList();
            var agents = statuses.Select(e => e.AgentId!).ToHashSet();

            Assert.Equal(GeneratedTraffic.Options.AgentsPerTenant, agents.Count);
            Assert.All(statuses, s => Assert.Matches(@"^\p{Lu}\p{Ll}+ \p{Lu}\.$", s.DisplayName));
            Assert.All(statuses, s => Assert.Contains(s.Status, EventVocabulary.AgentStatuses));
            Assert.All(agents, a => Assert.True(statuses.Count(s => s.AgentId == a) > 50));
            Assert.All(
                _events.Where(e => e.TenantId == tenant && e.Event.Type == EventTypes.AgentAssigned),
                e => Assert.Contains(e.Event.AgentId!, agents));
        }
    }

    [Fact]
    public void Timestamps_mix_utc_and_local_offsets_and_none_is_after_now()
    {
        Assert.All(_events, e => Assert.True(e.Event.Timestamp <= GeneratedTraffic.Now));
        Assert.Contains(_events, e => e.Event.Timestamp.Offset == TimeSpan.Zero);
        Assert.Contains(_events, e => e.Event.Timestamp.Offset != TimeSpan.Zero);
    }

    [Fact]
    public void Resolutions_are_mostly_closed_and_feedback_carries_csat_or_nps()
    {
        var resolved = Conversations.Where(c => c.Any(e => e.Type == EventTypes.ConversationResolved)).ToList();
        var feedback = Distinct.Where(e => e.Type == EventTypes.Feedback).ToList();

        Assert.InRange(resolved.Count(c => c.Any(e => e.Type == EventTypes.ConversationClosed)) / (double)resolved.Count, 0.8, 0.97);
        Assert.All(feedback, f => Assert.True(f.Csat is not null || f.Nps is not null));
        Assert.Contains(feedback, f => f.Csat is not null);
        Assert.Contains(feedback, f => f.Nps is not null);
    }

    [Theory]
    [InlineData("AiResolvedShare")]
    [InlineData("DuplicateRatio")]
    [InlineData("TenantIds")]
    [InlineData("AgentsPerTenant")]
    [InlineData("Start")]
    public void Invalid_options_are_refused_naming_the_option(string option)
    {
        var options = Small(1);
        options = option switch
        {
            "AiResolvedShare" => options with { AiResolvedShare = 1.5 },
            "DuplicateRatio" => options with { DuplicateRatio = -0.1 },
            "TenantIds" => options with { TenantIds = ["a", "a"] },
            "AgentsPerTenant" => options with { AgentsPerTenant = 0 },
            _ => options with { Start = options.End },
        };

        var error = Assert.Throws<ArgumentException>(() => TrafficGenerator.Generate(options));

        Assert.Equal(option, error.ParamName);
    }
}
