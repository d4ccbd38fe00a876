namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// Everything one conversation adds to its tenant's counters, as sparse counts. A conversation recomputes its
/// contribution after every event; the difference from the previous one is what the tenant aggregate applies, so
/// late and out-of-order events correct earlier counts exactly instead of being approximated.
/// </summary>
public sealed class Contribution
{
    public static readonly Contribution Empty = new(new Dictionary<MetricKey, long>());

    private readonly Dictionary<MetricKey, long> _counts;

    public Contribution(Dictionary<MetricKey, long> counts) => _counts = counts;

    public IReadOnlyDictionary<MetricKey, long> Counts => _counts;

    /// <summary>The changes that turn <paramref name="previous"/> into this contribution (zero changes left out).</summary>
    public IReadOnlyList<KeyValuePair<MetricKey, long>> Minus(Contribution previous)
    {
        // At most every key of this contribution changes, and usually few of the previous one's disappear.
        var changes = new List<KeyValuePair<MetricKey, long>>(_counts.Count);
        foreach (var (key, value) in _counts)
        {
            var change = value - previous._counts.GetValueOrDefault(key);
            if (change != 0)
            {
                changes.Add(new(key, change));
            }
        }

        foreach (var (key, value) in previous._counts)
        {
            if (!_counts.ContainsKey(key) && value != 0)
            {
                changes.Add(new(key, -value));
            }
        }

        return changes;
    }
}
