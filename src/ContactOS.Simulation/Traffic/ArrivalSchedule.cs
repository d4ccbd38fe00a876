namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Events with the instant each one reaches the system; read back in arrival order. Ties keep the order the events
/// were added in, so the result depends on nothing but the seed.
/// </summary>
internal sealed class ArrivalSchedule
{
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public void Add(TenantEvent tenantEvent, DateTimeOffset arrival) => _entries.Add(new Entry(arrival.UtcTicks, _entries.Count, tenantEvent));

    public IReadOnlyList<TenantEvent> InArrivalOrder() =>
        _entries.OrderBy(e => e.ArrivalTicks).ThenBy(e => e.Sequence).Select(e => e.Event).ToList();

    private readonly record struct Entry(long ArrivalTicks, int Sequence, TenantEvent Event);
}
