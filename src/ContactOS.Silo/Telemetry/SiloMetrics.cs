using System.Diagnostics.Metrics;

namespace ContactOS.Silo.Telemetry;

/// <summary>
/// The silo's own instruments (meter <see cref="MeterName"/>, docs/operations.md lists them). Counters add a batch's
/// counts in one call; histograms get one value per batch or per push. No instrument carries the tenant: tenants are
/// unbounded, and a label per tenant would make every series as many times larger. Per-tenant figures are in the
/// analytics API; traces carry the tenant.
/// </summary>
internal sealed class SiloMetrics
{
    public const string MeterName = "ContactOS.Silo";

    private const string Outcome = "outcome";

    // From a millisecond (an in-memory batch) to ten seconds (a batch waiting for a moving tenant).
    private static readonly IReadOnlyList<double> s_secondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly KeyValuePair<string, object?> s_accepted = new(Outcome, "accepted");
    private static readonly KeyValuePair<string, object?> s_duplicate = new(Outcome, "duplicate");
    private static readonly KeyValuePair<string, object?> s_rejected = new(Outcome, "rejected");

    private readonly Counter<long> _events;
    private readonly Histogram<double> _ingestDuration;
    private readonly Histogram<double> _pushDelay;
    private readonly UpDownCounter<long> _dashboards;

    public SiloMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets };
        _events = meter.CreateCounter<long>(
            "contactos.ingest.events", "{event}",
            "Events received for ingestion, by outcome: accepted (newly stored), duplicate (an id already stored), rejected (invalid).");
        _ingestDuration = meter.CreateHistogram(
            "contactos.ingest.duration", "s",
            "Time to ingest one batch: scoring, the durable log append and the tenant pipeline's apply.", advice: advice);
        _pushDelay = meter.CreateHistogram(
            "contactos.live.push.delay", "s",
            "From a tenant's change reaching the grains to its dashboards' update being sent.", advice: advice);
        _dashboards = meter.CreateUpDownCounter<long>(
            "contactos.live.dashboards", "{connection}", "Dashboards connected to this front's analytics hub.");
    }

    public void Ingested(int accepted, int duplicates, int rejected, TimeSpan duration)
    {
        _events.Add(accepted, s_accepted);
        _events.Add(duplicates, s_duplicate);
        _events.Add(rejected, s_rejected);
        _ingestDuration.Record(duration.TotalSeconds);
    }

    public void Pushed(TimeSpan delay) => _pushDelay.Record(delay.TotalSeconds);

    public void DashboardConnected() => _dashboards.Add(1);

    public void DashboardDisconnected() => _dashboards.Add(-1);
}
