using System.Threading.Channels;
using ContactOS.Analytics.Aggregation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactOS.Grains.Tenants;

/// <summary>
/// The silo's pre-aggregator for tenant counters (a stateless worker in Orleans terms). Conversation grains add
/// their changes without waiting; every flush interval the changes are summed per tenant and each tenant's
/// aggregator receives one call. A busy tenant therefore costs its aggregator a few calls per interval, not one
/// per event, and conversation grains never wait on it.
/// </summary>
public sealed partial class TenantChangeBatcher : BackgroundService
{
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TenantChangeBatcher> _logger;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    private Dictionary<string, Dictionary<MetricKey, long>> _pending = new(StringComparer.Ordinal);
    private Task _lastFlush = Task.CompletedTask;

    public TenantChangeBatcher(IGrainFactory grains, TimeProvider timeProvider, ILogger<TenantChangeBatcher> logger)
    {
        _grains = grains;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>How long changes gather before a flush; short enough for live dashboards, long enough to merge.</summary>
    public static TimeSpan FlushInterval { get; } = TimeSpan.FromMilliseconds(5);

    public void Add(string tenantId, IReadOnlyList<KeyValuePair<MetricKey, long>> changes)
    {
        lock (_lock)
        {
            if (!_pending.TryGetValue(tenantId, out var counts))
            {
                counts = [];
                _pending[tenantId] = counts;
            }

            foreach (var (key, change) in changes)
            {
                counts[key] = counts.GetValueOrDefault(key) + change;
            }
        }

        _signal.Writer.TryWrite(true);
    }

    /// <summary>
    /// Sends everything gathered so far and waits until every tenant aggregator has applied it, and everything
    /// flushed before it: flushes run one after another, so returning means all earlier changes are applied too.
    /// </summary>
    public async Task FlushAsync()
    {
        Dictionary<string, Dictionary<MetricKey, long>> batch;
        Task previous;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            batch = _pending;
            _pending = new(StringComparer.Ordinal);
            previous = _lastFlush;
            _lastFlush = done.Task;
        }

        try
        {
            await previous;
            await Task.WhenAll(batch.Select(tenant => SendAsync(tenant.Key, tenant.Value)));
        }
        finally
        {
            done.SetResult();
        }
    }

    private async Task SendAsync(string tenantId, Dictionary<MetricKey, long> counts)
    {
        var changes = counts.Where(c => c.Value != 0).ToList();
        try
        {
            await _grains.GetGrain<ITenantAggregatorGrain>(tenantId).ApplyChanges(changes);
        }
        catch (Exception exception)
        {
            // Put the changes back: dropping them would leave the tenant's counters wrong for good.
            LogFlushFailed(_logger, exception, tenantId);
            Add(tenantId, changes);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stoppingToken))
            {
                _signal.Reader.TryRead(out _);
                await Task.Delay(FlushInterval, _timeProvider, stoppingToken);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    [LoggerMessage(1, LogLevel.Warning, "Flushing counter changes to tenant {TenantId} failed; they stay queued for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string tenantId);
}
