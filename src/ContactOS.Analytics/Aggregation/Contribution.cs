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
    public IReadOnlyList<KeyValuePair<MetricKey, long>> Minus(Contribution previous) => Changes(_counts, previous._counts);

    /// <summary>
    /// Makes this contribution equal to <paramref name="next"/>, in place, and returns the changes that took it there:
    /// what <c>new Contribution(next).Minus(this)</c> returns, without a new dictionary per update. <paramref name="next"/>
    /// is only read, so the caller may reuse it. <see cref="Empty"/> is shared and cannot be replaced.
    /// </summary>
    public IReadOnlyList<KeyValuePair<MetricKey, long>> ReplaceWith(Dictionary<MetricKey, long> next)
    {
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("The empty contribution is shared; replace a contribution of your own.");
        }

        var changes = Changes(next, _counts);
        foreach (var (key, change) in changes)
        {
            var value = _counts.GetValueOrDefault(key) + change;
            if (value == 0)
            {
                _counts.Remove(key);
            }
            else
            {
                _counts[key] = value;
            }
        }

        return changes;
    }

    private static List<KeyValuePair<MetricKey, long>> Changes(Dictionary<MetricKey, long> next, Dictionary<MetricKey, long> previous)
    {
        // At most every key of the next contribution changes, and usually few of the previous one's disappear.
        var changes = new List<KeyValuePair<MetricKey, long>>(next.Count);
        foreach (var (key, value) in next)
        {
            var change = value - previous.GetValueOrDefault(key);
            if (change != 0)
            {
                changes.Add(new(key, change));
            }
        }

        foreach (var (key, value) in previous)
        {
            if (value != 0 && !next.ContainsKey(key))
            {
                changes.Add(new(key, -value));
            }
        }

        return changes;
    }
}
