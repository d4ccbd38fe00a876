using System.Text.Json.Serialization;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Aggregation;

/// <summary>The counters of one hour, or the sum of several.</summary>
public sealed class BucketTotals
{
    private Dictionary<string, long>? _intents;

    public long Started { get; private set; }

    public long AiResolved { get; private set; }

    public long HumanResolved { get; private set; }

    public long Closed { get; private set; }

    public long AiSentimentSum { get; private set; }

    public long AiSentimentCount { get; private set; }

    public long HumanSentimentSum { get; private set; }

    public long HumanSentimentCount { get; private set; }

    /// <summary>Conversations by handoff reason, in the order of <see cref="EventVocabulary.HandoffReasons"/>.</summary>
    public long[] Handoffs { get; } = new long[EventVocabulary.HandoffReasons.Count];

    public IReadOnlyDictionary<string, long> Intents => _intents ?? (IReadOnlyDictionary<string, long>)s_noIntents;

    private static readonly Dictionary<string, long> s_noIntents = [];

    public BucketTotals()
    {
    }

    /// <summary>Counters read back as they were written (JSON, for example a sum another silo computed).</summary>
    [JsonConstructor]
    public BucketTotals(
        long started, long aiResolved, long humanResolved, long closed, long aiSentimentSum, long aiSentimentCount,
        long humanSentimentSum, long humanSentimentCount, long[] handoffs, IReadOnlyDictionary<string, long>? intents)
    {
        ArgumentNullException.ThrowIfNull(handoffs);
        if (handoffs.Length != EventVocabulary.HandoffReasons.Count)
        {
            throw new ArgumentException($"Expected {EventVocabulary.HandoffReasons.Count} handoff counters, got {handoffs.Length}.", nameof(handoffs));
        }

        Started = started;
        AiResolved = aiResolved;
        HumanResolved = humanResolved;
        Closed = closed;
        AiSentimentSum = aiSentimentSum;
        AiSentimentCount = aiSentimentCount;
        HumanSentimentSum = humanSentimentSum;
        HumanSentimentCount = humanSentimentCount;
        Handoffs = [.. handoffs];
        if (intents is { Count: > 0 })
        {
            _intents = new Dictionary<string, long>(intents, StringComparer.Ordinal);
        }
    }

    public void Apply(Metric metric, string? label, long change)
    {
        switch (metric)
        {
            case Metric.Started: Started += change; break;
            case Metric.AiResolved: AiResolved += change; break;
            case Metric.HumanResolved: HumanResolved += change; break;
            case Metric.Closed: Closed += change; break;
            case Metric.AiSentimentSum: AiSentimentSum += change; break;
            case Metric.AiSentimentCount: AiSentimentCount += change; break;
            case Metric.HumanSentimentSum: HumanSentimentSum += change; break;
            case Metric.HumanSentimentCount: HumanSentimentCount += change; break;
            case Metric.Handoff:
                var reason = IndexOfReason(label);
                Handoffs[reason] += change;
                break;
            case Metric.Intent:
                _intents ??= new Dictionary<string, long>(StringComparer.Ordinal);
                var count = _intents.GetValueOrDefault(label!) + change;
                if (count == 0)
                {
                    _intents.Remove(label!);
                }
                else
                {
                    _intents[label!] = count;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Live gauges have no bucket.");
        }
    }

    /// <summary>Adds another bucket's counters to these.</summary>
    public void Add(BucketTotals other)
    {
        Started += other.Started;
        AiResolved += other.AiResolved;
        HumanResolved += other.HumanResolved;
        Closed += other.Closed;
        AiSentimentSum += other.AiSentimentSum;
        AiSentimentCount += other.AiSentimentCount;
        HumanSentimentSum += other.HumanSentimentSum;
        HumanSentimentCount += other.HumanSentimentCount;
        for (var i = 0; i < Handoffs.Length; i++)
        {
            Handoffs[i] += other.Handoffs[i];
        }

        if (other._intents is { Count: > 0 })
        {
            _intents ??= new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (intent, count) in other._intents)
            {
                _intents[intent] = _intents.GetValueOrDefault(intent) + count;
            }
        }
    }

    /// <summary>The counters as plain data, for a snapshot.</summary>
    public BucketState ToState(long hourTicks) => new(
        hourTicks,
        [Started, AiResolved, HumanResolved, Closed, AiSentimentSum, AiSentimentCount, HumanSentimentSum, HumanSentimentCount],
        [.. Handoffs],
        _intents is { Count: > 0 } ? new Dictionary<string, long>(_intents, StringComparer.Ordinal) : null);

    /// <summary>The counters of a snapshot taken with <see cref="ToState"/>.</summary>
    public static BucketTotals FromState(BucketState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Counters.Length != 8 || state.Handoffs.Length != EventVocabulary.HandoffReasons.Count)
        {
            throw new ArgumentException("A bucket snapshot has the wrong number of counters.", nameof(state));
        }

        var totals = new BucketTotals
        {
            Started = state.Counters[0],
            AiResolved = state.Counters[1],
            HumanResolved = state.Counters[2],
            Closed = state.Counters[3],
            AiSentimentSum = state.Counters[4],
            AiSentimentCount = state.Counters[5],
            HumanSentimentSum = state.Counters[6],
            HumanSentimentCount = state.Counters[7],
        };
        state.Handoffs.CopyTo(totals.Handoffs, 0);
        if (state.Intents is { Count: > 0 } intents)
        {
            totals._intents = new Dictionary<string, long>(intents, StringComparer.Ordinal);
        }

        return totals;
    }

    private static int IndexOfReason(string? reason)
    {
        for (var i = 0; i < EventVocabulary.HandoffReasons.Count; i++)
        {
            if (EventVocabulary.HandoffReasons[i] == reason)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown handoff reason '{reason}'.", nameof(reason));
    }
}
