using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;

namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The figures of docs/analytics.md recomputed from the raw events, in batch: the oracle the incremental engine is
/// checked against. Events are de-duplicated by (tenant, id), keeping the first arrival; each conversation's events
/// are then sorted by timestamp, then arrival, and read in one go. Every event counts, whatever its timestamp:
/// the live gauges are the statuses after all of them.
/// </summary>
public sealed partial class GroundTruth
{
    private readonly Dictionary<string, TenantFacts> _tenants;
    private readonly Dictionary<string, List<ArrivedEvent>> _arrived;
    private readonly Func<string, TimeZoneInfo> _zoneOf;

    /// <param name="arrivals">Every event, in the order the system received them.</param>
    /// <param name="zoneOf">Each tenant's time zone, which decides its "today".</param>
    /// <param name="scorer">Sentiment 1-5 of the text of a message that arrived without a score.</param>
    public GroundTruth(IEnumerable<TenantEvent> arrivals, Func<string, TimeZoneInfo> zoneOf, Func<string, int> scorer)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(zoneOf);
        ArgumentNullException.ThrowIfNull(scorer);
        _zoneOf = zoneOf;

        var seen = new HashSet<(string Tenant, string Id)>();
        var byTenant = new Dictionary<string, List<ArrivedEvent>>(StringComparer.Ordinal);
        long position = 0;
        foreach (var arrival in arrivals)
        {
            position++;
            if (!seen.Add((arrival.TenantId, arrival.Event.Id)))
            {
                continue;
            }

            if (!byTenant.TryGetValue(arrival.TenantId, out var events))
            {
                byTenant[arrival.TenantId] = events = [];
            }

            events.Add(new ArrivedEvent(arrival.Event, position));
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        int Score(string text)
        {
            if (!scores.TryGetValue(text, out var score))
            {
                scores[text] = score = scorer(text);
            }

            return score;
        }

        _arrived = byTenant;
        _tenants = byTenant.ToDictionary(t => t.Key, t => TenantFacts.From(t.Value, Score), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> TenantIds => _tenants.Keys;

    /// <summary>Distinct conversations the tenant has, whenever they started.</summary>
    public int ConversationCount(string tenantId) => Facts(tenantId).Conversations.Count;

    public ExpectedAnalytics Compute(string tenantId, ResolvedPeriod period, DateTimeOffset now) =>
        new(
            Kpis(tenantId, period, now),
            ResolutionSplit(tenantId, period),
            HandoffReasons(tenantId, period),
            TopIntents(tenantId, period),
            Volume(tenantId, period),
            SentimentTrend(tenantId, period),
            Agents(tenantId),
            InsightInputs(tenantId, period));

    public ExpectedKpis Kpis(string tenantId, ResolvedPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = Facts(tenantId);
        var current = StartedIn(facts, period.From, period.To);
        var previous = StartedIn(facts, period.PreviousFrom, period.PreviousTo);
        var zone = _zoneOf(tenantId);
        var today = LocalDay.Today(now, zone);
        var yesterday = LocalDay.Yesterday(now, zone);

        return new ExpectedKpis(
            AiResolutionRate(current),
            AiResolutionRate(previous),
            current.Count,
            previous.Count,
            facts.Conversations.Count(c => c.Status == ConversationFacts.Pending),
            facts.Conversations.Count(c => c.LatestClose is { } closed && today.Contains(closed)),
            facts.Conversations.Count(c => c.LatestClose is { } closed && yesterday.Contains(closed)),
            facts.Conversations.Count(c => c.Status == ConversationFacts.Active),
            Mean(MessagesIn(facts, period.From, period.To)),
            Mean(MessagesIn(facts, period.PreviousFrom, period.PreviousTo)));
    }

    public ExpectedResolutionSplit ResolutionSplit(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var current = StartedIn(Facts(tenantId), period.From, period.To);
        var ai = current.Count(c => c.Resolution == Resolution.Ai);
        var human = current.Count(c => c.Resolution == Resolution.Human);
        var total = ai + human;
        return total == 0
            ? new ExpectedResolutionSplit(0, 0, 0, 0)
            : new ExpectedResolutionSplit(ai, human, (double)ai / total, (double)human / total);
    }

    public ExpectedHandoffReasons HandoffReasons(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new ExpectedHandoffReasons(ReasonCounts(StartedIn(Facts(tenantId), period.From, period.To)));
    }

    public ExpectedTopIntents TopIntents(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var top = StartedIn(Facts(tenantId), period.From, period.To)
            .SelectMany(c => c.Intents)
            .GroupBy(intent => intent, StringComparer.Ordinal)
            .Select(g => new ExpectedCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return new ExpectedTopIntents(top);
    }

    public ExpectedVolume Volume(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var byBucket = StartedIn(Facts(tenantId), period.From, period.To).ToLookup(c => period.BucketOf(c.Start));
        var buckets = period.Buckets
            .Select(start => new ExpectedVolumeBucket(
                start,
                byBucket[start].Count(c => c.Resolution == Resolution.Ai),
                byBucket[start].Count(c => c.Resolution == Resolution.Human)))
            .ToList();
        return new ExpectedVolume(buckets);
    }

    public ExpectedSentimentTrend SentimentTrend(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var byBucket = MessagesIn(Facts(tenantId), period.From, period.To).ToLookup(m => period.BucketOf(m.Timestamp));
        var buckets = period.Buckets
            .Select(start => new ExpectedSentimentBucket(
                start,
                Mean(byBucket[start].Where(m => !m.HumanPhase)),
                Mean(byBucket[start].Where(m => m.HumanPhase))))
            .ToList();
        return new ExpectedSentimentTrend(buckets);
    }

    public ExpectedAgents Agents(string tenantId) => new(Facts(tenantId).Agents);

    public ExpectedInsightInputs InsightInputs(string tenantId, ResolvedPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = Facts(tenantId);
        var current = StartedIn(facts, period.From, period.To);
        var previous = StartedIn(facts, period.PreviousFrom, period.PreviousTo);
        var messages = MessagesIn(facts, period.From, period.To);
        var previousMessages = MessagesIn(facts, period.PreviousFrom, period.PreviousTo);
        var pendingNow = facts.Conversations.Count(c => c.Status == ConversationFacts.Pending);
        var reasons = ReasonCounts(current)
            .Zip(ReasonCounts(previous), (now, before) => new ExpectedHandoffReasonDelta(now.Name, now.Count, before.Count))
            .ToList();
        var applies = current.Count >= 20 && previous.Count >= 20;

        var positive = new List<string>();
        var attention = new List<string>();
        if (applies)
        {
            // Exact comparisons in integers: rate a/n against b/m, means s1/c1 against s2/c2.
            long a = current.Count(c => c.Resolution == Resolution.Ai), n = current.Count;
            long b = previous.Count(c => c.Resolution == Resolution.Ai), m = previous.Count;
            if (100 * ((a * m) - (b * n)) >= 2 * n * m)
            {
                positive.Add(InsightRule.AiResolutionRateUp);
            }

            if (100 * ((b * n) - (a * m)) >= 2 * n * m)
            {
                attention.Add(InsightRule.AiResolutionRateDown);
            }
            else if (100 * ((a * m) - (b * n)) < 2 * n * m)
            {
                positive.Add(InsightRule.AiResolutionRateSteady);
            }

            if (messages.Count > 0 && previousMessages.Count > 0)
            {
                long s1 = messages.Sum(x => x.Sentiment), c1 = messages.Count;
                long s2 = previousMessages.Sum(x => x.Sentiment), c2 = previousMessages.Count;
                if (5 * ((s1 * c2) - (s2 * c1)) >= c1 * c2)
                {
                    positive.Add(InsightRule.SatisfactionUp);
                }

                if (5 * ((s2 * c1) - (s1 * c2)) >= c1 * c2)
                {
                    attention.Add(InsightRule.SatisfactionDown);
                }
                else if (5 * ((s1 * c2) - (s2 * c1)) < c1 * c2)
                {
                    positive.Add(InsightRule.SatisfactionSteady);
                }
            }

            // "Up by at least 10 %" of the previous count; from a previous count of 0 any increase qualifies.
            attention.AddRange(reasons
                .Where(r => r.Increase >= 5 && 10L * r.Increase >= r.PreviousCount)
                .Select(r => InsightRule.HandoffReasonUp(r.Reason)));

            if (10L * pendingNow > n)
            {
                attention.Add(InsightRule.PendingHigh);
            }
        }
        else if (current.Count > 0)
        {
            attention.Add(InsightRule.TooFewToCompare);
        }

        var satisfaction = Mean(messages);
        var previousSatisfaction = Mean(previousMessages);
        return new ExpectedInsightInputs(
            applies,
            current.Count,
            previous.Count,
            100 * (AiResolutionRate(current) - AiResolutionRate(previous)),
            satisfaction - previousSatisfaction,
            reasons,
            pendingNow,
            positive,
            attention);
    }

    private TenantFacts Facts(string tenantId) => _tenants.GetValueOrDefault(tenantId) ?? TenantFacts.Empty;

    private static List<ConversationFacts> StartedIn(TenantFacts facts, DateTimeOffset from, DateTimeOffset to) =>
        facts.Conversations.Where(c => c.Start >= from && c.Start < to).ToList();

    private static List<ScoredMessage> MessagesIn(TenantFacts facts, DateTimeOffset from, DateTimeOffset to) =>
        facts.Conversations.SelectMany(c => c.Messages).Where(m => m.Timestamp >= from && m.Timestamp < to).ToList();

    private static double AiResolutionRate(List<ConversationFacts> started) =>
        started.Count == 0 ? 0 : (double)started.Count(c => c.Resolution == Resolution.Ai) / started.Count;

    private static List<ExpectedCount> ReasonCounts(List<ConversationFacts> started) =>
        EventVocabulary.HandoffReasons.Select(reason => new ExpectedCount(reason, started.Count(c => c.HandoffReason == reason))).ToList();

    private static double? Mean(IEnumerable<ScoredMessage> messages)
    {
        long sum = 0, count = 0;
        foreach (var message in messages)
        {
            sum += message.Sentiment;
            count++;
        }

        return count == 0 ? null : (double)sum / count;
    }
}
