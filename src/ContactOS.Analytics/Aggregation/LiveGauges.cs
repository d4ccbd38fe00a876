namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// A tenant's live gauges: conversations active and pending now, and each agent's open assigned conversations. They
/// ignore periods; conversations send changes to them as they change status.
/// </summary>
public sealed class LiveGauges
{
    private readonly Dictionary<string, long> _assigned = new(StringComparer.Ordinal);

    public long Active { get; private set; }

    public long Pending { get; private set; }

    /// <summary>Open conversations by the agent they are assigned to (agents with none are left out).</summary>
    public IReadOnlyDictionary<string, long> Assigned => _assigned;

    public void Apply(MetricKey key, long change)
    {
        switch (key.Metric)
        {
            case Metric.Active:
                Active += change;
                break;
            case Metric.Pending:
                Pending += change;
                break;
            case Metric.Assigned:
                var count = _assigned.GetValueOrDefault(key.Label!) + change;
                if (count == 0)
                {
                    _assigned.Remove(key.Label!);
                }
                else
                {
                    _assigned[key.Label!] = count;
                }

                break;
            default:
                throw new ArgumentException($"{key.Metric} is not a live gauge.", nameof(key));
        }
    }

    /// <summary>Sets the gauges from a snapshot.</summary>
    public void Restore(long active, long pending, IEnumerable<KeyValuePair<string, long>> assigned)
    {
        Active = active;
        Pending = pending;
        _assigned.Clear();
        foreach (var (agentId, count) in assigned)
        {
            _assigned[agentId] = count;
        }
    }
}
