using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Grains.Ingestion;

/// <summary>
/// On a worker silo of a cluster: reads the shared event log in position order, whoever appended the events, and
/// queues each event of a tenant this silo owns on the tenant's route. The log's positions follow commit order
/// (appenders hold one lock from reserving positions to commit), so reading after the last position seen misses
/// nothing. It reads when nudged (this silo appended, or a front silo waits for its events) and otherwise polls.
/// Starts at the end of the log: what came before is each route's catch-up.
/// </summary>
public sealed partial class ClusterLogTailer : BackgroundService, ISiloStartupTask
{
    private const int PageSize = 5_000;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_errorDelay = TimeSpan.FromSeconds(1);

    private readonly TenantEventPipeline _pipeline;
    private readonly IEventHistory _history;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterLogTailer> _logger;
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    public ClusterLogTailer(
        TenantEventPipeline pipeline, IEventHistory history, IOptions<ClusterOptions> options, TimeProvider time, ILogger<ClusterLogTailer> logger)
    {
        _pipeline = pipeline;
        _history = history;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private bool Enabled => _pipeline.TailsLog && _options.Roles.HasFlag(SiloRoles.Worker);

    /// <summary>Start-up task: records where the log ends, before the silo serves, so nothing committed later is missed.</summary>
    async Task ISiloStartupTask.ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        _position = await _history.GetLastPositionAsync(cancellationToken);
        _pipeline.SetTailNudge(Nudge);
        _started.TrySetResult();
        LogStarted(_logger, _position);
    }

    /// <summary>Reads the log now instead of at the next poll.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // A read is due already.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await _started.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var page = await _history.ReadAfterAsync(_position, PageSize, stoppingToken);
                if (page.Count > 0)
                {
                    foreach (var tenant in page.GroupBy(e => e.TenantId, StringComparer.Ordinal))
                    {
                        _pipeline.Enqueue(tenant.Key, [.. tenant.Select(e => e.Event)]);
                    }

                    _position = page[^1].Event.Position;
                }

                if (page.Count < PageSize)
                {
                    await _nudge.WaitAsync(s_pollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogReadFailed(_logger, exception, _position, s_errorDelay);
                await Task.Delay(s_errorDelay, _time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Reading the cluster's event log from position {Position} for the tenants this silo owns")]
    private static partial void LogStarted(ILogger logger, long position);

    [LoggerMessage(2, LogLevel.Warning, "Reading the event log after position {Position} failed; retrying in {Delay}")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, long position, TimeSpan delay);
}
