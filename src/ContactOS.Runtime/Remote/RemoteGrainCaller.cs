using System.Collections.Concurrent;
using System.Text.Json;
using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Calls;
using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Remote;

/// <summary>
/// Sends a call to the silo that owns the grain. When the owner refuses it (the grain moved in the owner's newer view)
/// or cannot be reached (it died or is leaving), the caller refreshes its view of the membership and tries the owner
/// it finds then, until the call timeout: a call in flight during a move or a failover is retried, not lost.
/// </summary>
internal sealed partial class RemoteGrainCaller : IAsyncDisposable
{
    private readonly RendezvousPlacementDirector _placement;
    private readonly IClusterView _view;
    private readonly MembershipAgent _agent;
    private readonly TimeProvider _time;
    private readonly ILogger<RemoteGrainCaller> _logger;
    private readonly TimeSpan _callTimeout;
    private readonly TimeSpan _retryDelay;
    private readonly string _clusterKey;
    private readonly ConcurrentDictionary<string, SiloConnection> _connections = new(StringComparer.Ordinal);

    public RemoteGrainCaller(
        RendezvousPlacementDirector placement, IClusterView view, MembershipAgent agent, IOptions<SiloOptions> silo,
        IOptions<ClusterOptions> cluster, TimeProvider time, ILogger<RemoteGrainCaller> logger)
    {
        _placement = placement;
        _view = view;
        _agent = agent;
        _time = time;
        _logger = logger;
        _callTimeout = silo.Value.CallTimeout;
        _clusterKey = RemoteProtocol.ClusterKey(cluster.Value.Secret!);
        _retryDelay = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 20, cluster.Value.HeartbeatInterval.Ticks / 10));
        _view.Changed += (_, _) => DropDeparted();
    }

    public async Task<TResult> InvokeAsync<TGrain, TArgs, TResult>(
        GrainRuntime runtime, GrainId grainId, GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
        where TGrain : class
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(args, RemoteJson.Options);
        var deadline = _time.GetTimestamp() + (long)(_callTimeout.TotalSeconds * _time.TimestampFrequency);
        for (var attempt = 1; ; attempt++)
        {
            var owner = _placement.OwnerOf(grainId);
            try
            {
                if (owner is null)
                {
                    throw new SiloUnavailableException($"No worker silo is active in the cluster to run grain {grainId}.");
                }

                if (_placement.IsLocal(grainId))
                {
                    // The grain came here while the call waited.
                    var local = runtime.InvokeHere<TGrain, TArgs, TResult>(grainId, method, invoker, args);
                    if (typeof(TResult) == typeof(VoidResult))
                    {
                        await local.ConfigureAwait(false);
                        return default!;
                    }

                    return await ((Task<TResult>)local).ConfigureAwait(false);
                }

                var call = new PendingRemoteCall<TResult>(grainId, method, payload);
                Connection(owner.Address).Send(call);
                return await call.Task.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is GrainMovedException or SiloUnavailableException && _time.GetTimestamp() < deadline)
            {
                if (attempt == 1 || attempt % 20 == 0)
                {
                    LogRetry(_logger, grainId, method.ToString(), owner?.Address ?? "(none)", attempt, exception.Message);
                }

                // The owner may be gone, or have a newer view than this silo: read the membership again. When this silo's
                // view is the newer one, the owner catches up itself on the next call, which carries this silo's version.
                if (exception is not GrainMovedException moved || moved.SiloVersion > _view.Current.Version)
                {
                    await _agent.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
                }

                await Task.Delay(attempt == 1 ? TimeSpan.Zero : _retryDelay, _time).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _connections.Clear();
    }

    private SiloConnection Connection(string address) =>
        _connections.GetOrAdd(address, static (a, self) => new SiloConnection(a, self._callTimeout, () => self._view.Current.Version, self._clusterKey), this);

    /// <summary>Closes connections to silos that are no longer active.</summary>
    private void DropDeparted()
    {
        var active = _view.Current.Active.Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        foreach (var address in _connections.Keys.Where(a => !active.Contains(a)).ToList())
        {
            if (_connections.TryRemove(address, out var connection))
            {
                _ = connection.DisposeAsync().AsTask();
            }
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Call {Method} to grain {GrainId} on silo {Silo} (attempt {Attempt}) will be retried: {Reason}")]
    private static partial void LogRetry(ILogger logger, GrainId grainId, string method, string silo, int attempt, string reason);
}
