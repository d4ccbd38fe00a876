using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace ContactOS.Runtime.Hosting;

/// <summary>
/// One silo's lifecycle: start-up tasks (schema migration), reminders, the call-timeout sweeper and idle
/// collection on start; on graceful stop, every activation is deactivated (its OnDeactivateAsync runs) before
/// the silo reports stopped. A silo the cluster declared dead skips that: its grains may already live elsewhere,
/// and their deactivation writes would be late writes of an evicted owner.
/// </summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly IEnumerable<ISiloStartupTask> _startupTasks;
    private readonly ILogger<Silo> _logger;
    private readonly ActivationCollector _collector;
    private readonly IClusterView? _cluster;
    private int _state; // 0 created, 1 started, 2 stopped

    public Silo(GrainRuntime runtime, IEnumerable<ISiloStartupTask> startupTasks, ILogger<Silo> logger, IClusterView? cluster = null)
    {
        Runtime = runtime;
        _startupTasks = startupTasks;
        _logger = logger;
        _cluster = cluster;
        _collector = new ActivationCollector(runtime);
        if (_cluster is not null)
        {
            _cluster.Changed += (_, _) => DeactivateMoved();
        }
    }

    public GrainRuntime Runtime { get; }

    public IGrainFactory GrainFactory => Runtime;

    /// <summary>True between a successful start and the beginning of a stop.</summary>
    public bool IsRunning => Volatile.Read(ref _state) == 1 && !Runtime.IsStopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("A silo starts once.");
        }

        foreach (var task in _startupTasks)
        {
            await task.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await Runtime.Reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        Runtime.Timeouts.Start();
        _collector.Start();
        RuntimeLog.SiloStarted(_logger, Runtime.Options.Name, Runtime.GrainTypeCount, Runtime.Reminders.ScheduledCount,
            Runtime.Options.CallTimeout, Runtime.Options.CollectionAge);
    }

    /// <summary>
    /// After a membership change: every activation of a grain that another silo owns now is deactivated (its
    /// OnDeactivateAsync stores its state), so only the keys whose owner changed move. Calls that wait on such an
    /// activation are sent on to the new owner by their callers' retries. An evicted silo writes nothing (see
    /// <see cref="StopAsync"/>).
    /// </summary>
    private void DeactivateMoved()
    {
        if (Volatile.Read(ref _state) != 1 || _cluster!.IsEvicted || Runtime.IsStopping)
        {
            return;
        }

        var moved = Runtime.Activations.Where(a => !a.IsInvalid && !Runtime.Placement.IsLocal(a.GrainId)).ToList();
        if (moved.Count > 0)
        {
            RuntimeLog.ActivationsMoved(_logger, Runtime.Options.Name, moved.Count, _cluster.Current.Version);
            foreach (var activation in moved)
            {
                _ = activation.RequestDeactivation(DeactivationReason.Moved);
            }
        }
    }

    /// <summary>Runs one idle-collection pass now, as the periodic collector would.</summary>
    public int CollectIdleActivations() => _collector.Collect();

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        var evicted = _cluster?.IsEvicted == true;
        if (evicted)
        {
            RuntimeLog.SiloEvictedStop(_logger, Runtime.Options.Name, Runtime.ActivationCount);
        }
        else
        {
            RuntimeLog.SiloStopping(_logger, Runtime.Options.Name, Runtime.ActivationCount);
        }

        Runtime.BeginStopping();
        _collector.Dispose();
        Runtime.Reminders.Dispose();
        if (evicted)
        {
            Runtime.Timeouts.Dispose();
            return;
        }

        var deactivations = Runtime.Activations.Select(a => a.RequestDeactivation(DeactivationReason.ShuttingDown)).ToArray();
        try
        {
            await Task.WhenAll(deactivations).WaitAsync(Runtime.Options.ShutdownTimeout, Runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
            RuntimeLog.SiloStopped(_logger, Runtime.Options.Name);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            RuntimeLog.SiloStopIncomplete(_logger, Runtime.Options.Name, deactivations.Count(t => !t.IsCompleted));
        }
        finally
        {
            Runtime.Timeouts.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
