using ContactOS.Analytics.Aggregation;
using ContactOS.Grains.Ingestion;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// Holds the tenant's <see cref="TenantAggregate"/>. The tenant's pipeline grain sends it the merged changes of a whole
/// routed batch, one call per batch rather than one per event, and it answers period queries from memory. Its snapshot
/// records the last log position it includes, so a new activation catches up from the log after it.
/// </summary>
[PreferLocalPlacement]
public sealed partial class TenantAggregatorGrain(
    [PersistentState("aggregator", GrainStorageNames.Snapshots)] IPersistentState<AggregatorSnapshot> snapshot,
    ILogger<TenantAggregatorGrain> logger)
    : Grain, ITenantAggregatorGrain
{
    private TenantAggregate _aggregate = new();
    private long _position;
    private Task? _saving;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (snapshot.State.TimeZoneId is { } zoneId)
        {
            _aggregate.UseTimeZone(TimeZones.Find(zoneId));
        }

        if (snapshot.State.Format == AggregatorSnapshot.CurrentFormat)
        {
            _aggregate.Restore(snapshot.State.Buckets, snapshot.State.Details);
            _position = snapshot.State.Position;
        }
        else if (snapshot.State.Position > 0)
        {
            // Written by an earlier version, without counters added since: the figures are rebuilt from the log.
            LogOlderFormat(logger, this.GetPrimaryKeyString(), snapshot.State.Format, AggregatorSnapshot.CurrentFormat);
        }

        // After a restart or a move the tenant's pipeline catches up with the log; not awaited, since it calls back here.
        GrainFactory.GetGrain<ITenantPipelineGrain>(this.GetPrimaryKeyString()).Wake().Ignore();
        return Task.CompletedTask;
    }

    public Task ApplyChanges(BucketChanges changes)
    {
        if (Positions.Includes(_position, changes.Range, changes.Expected, this.GetGrainId()))
        {
            return Task.CompletedTask;
        }

        _aggregate.UseTimeZone(TimeZones.Find(changes.TimeZoneId));
        _aggregate.Apply(changes.Changes);
        _position = changes.Range.Through;
        return Task.CompletedTask;
    }

    public Task<BucketState[]> GetTotals(HourRange[] ranges) =>
        Task.FromResult(Array.ConvertAll(ranges, r => _aggregate.Sum(r.From, r.To).ToState(0)));

    public Task<DetailState[]> GetDetails(HourRange[] ranges, MetricSet metrics) =>
        Task.FromResult(Array.ConvertAll(ranges, r => _aggregate.SumDetails(r.From, r.To, metrics).ToState(0)));

    public Task<DetailState[]> GetDetails(HourRange[] ranges, MetricSet metrics, long idleBefore) =>
        Task.FromResult(Array.ConvertAll(ranges, r => _aggregate.SumDetails(r.From, r.To, metrics, idleBefore).ToState(0)));

    public Task<WeekHourTotals> GetWeekHours(HourRange range) => Task.FromResult(_aggregate.ByWeekHour(range.From, range.To));

    public Task<long> GetPosition() => Task.FromResult(_position);

    public Task<string?> GetTimeZone() => Task.FromResult(_aggregate.TimeZone?.Id ?? snapshot.State.TimeZoneId);

    public async Task Reset(string timeZoneId)
    {
        _aggregate = new TenantAggregate();
        _aggregate.UseTimeZone(TimeZones.Find(timeZoneId));
        _position = 0;
        snapshot.State.Position = 0;
        snapshot.State.TimeZoneId = timeZoneId;
        snapshot.State.Buckets = [];
        snapshot.State.Details = [];
        snapshot.State.Format = AggregatorSnapshot.CurrentFormat;
        await snapshot.WriteStateAsync();
    }

    /// <remarks>
    /// The state object always holds the last stored snapshot, its buckets and position together: Orleans hands it to the
    /// next activation when it migrates the grain (a silo leaving gracefully), which then starts from a consistent
    /// snapshot and is brought up to date by the tenant's pipeline.
    /// </remarks>
    public async Task SaveSnapshot()
    {
        // Another save may be under way (read-only calls interleave): this one stores what is new after it.
        while (_saving is { } saving)
        {
            await saving;
        }

        if (_position == snapshot.State.Position)
        {
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _saving = done.Task;
        try
        {
            await WriteSnapshotAsync();
        }
        finally
        {
            _saving = null;
            done.SetResult();
        }
    }

    private async Task WriteSnapshotAsync()
    {
        var stored = snapshot.State;
        snapshot.State = new AggregatorSnapshot
        {
            Buckets = _aggregate.ToState(),
            Details = _aggregate.DetailsToState(),
            TimeZoneId = _aggregate.TimeZone?.Id,
            Position = _position,
            Format = AggregatorSnapshot.CurrentFormat,
        };
        try
        {
            await snapshot.WriteStateAsync();
        }
        catch
        {
            // Not stored: the state object goes back to what is.
            snapshot.State = stored;
            throw;
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveSnapshot();

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: the stored counters are of format {Stored}, this version keeps format {Current}; rebuilding them from the event log.")]
    private static partial void LogOlderFormat(ILogger logger, string tenantId, int stored, int current);
}
