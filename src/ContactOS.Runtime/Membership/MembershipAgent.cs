using ContactOS.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Membership;

/// <summary>
/// This silo's side of the membership protocol (docs/cluster.md): joins as a start-up task (after the schema
/// migration, before any grain is activated), then every <see cref="ClusterOptions.HeartbeatInterval"/> writes its
/// heartbeat, reads the table, publishes a new version to the <see cref="ClusterView"/> and declares overdue silos
/// dead; on graceful shutdown it marks itself left first of all, before any service stops (see
/// <see cref="StoppingAsync"/>). Does nothing unless <see cref="ClusterOptions.Enabled"/>.
/// </summary>
internal sealed class MembershipAgent : ISiloStartupTask, IHostedLifecycleService, IAsyncDisposable
{
    // Each attempt loses only to another silo's change of membership; ten in a row means a storm, not bad luck.
    private const int WriteAttempts = 10;

    /// <summary>Rows of silos that left or died are kept this long for operators to read, then deleted.</summary>
    public static readonly TimeSpan DefunctRowRetention = TimeSpan.FromDays(1);

    private static readonly TimeSpan s_defunctSweepInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(50);

    private readonly ClusterOptions _options;
    private readonly string _siloName;
    private readonly IMembershipTable _table;
    private readonly ClusterView _view;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<MembershipAgent> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lock _leaveLock = new();
    private Task _heartbeats = Task.CompletedTask;
    private Task? _leaving;
    private long _lastRefresh;
    private long _lastDefunctSweep;
    private int _disposed;

    public MembershipAgent(
        IOptions<ClusterOptions> options,
        IOptions<SiloOptions> siloOptions,
        IMembershipTable table,
        ClusterView view,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<MembershipAgent> logger)
    {
        _options = options.Value;
        _siloName = siloOptions.Value.Name;
        _table = table;
        _view = view;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>Start-up task: joins, then heartbeats in the background until the host stops.</summary>
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var self = await JoinAsync(cancellationToken).ConfigureAwait(false);
        _heartbeats = RunHeartbeatsAsync(self, _stopping.Token);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The first step of a graceful stop, before any hosted service stops: stops heartbeating and marks this silo left
    /// (unless the cluster declared it dead), and publishes that membership here too. The silo thus hands its grains
    /// over while it still reads the log and answers calls: they deactivate, storing their state, waits on them are
    /// answered "moved", and callers go to the new owners at once. Stopping the log reader and the call endpoint
    /// first would leave other silos' waits on this one unanswered until they time out, and hold up the stop.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => LeaveOnceAsync(cancellationToken);

    /// <summary>Leaves as <see cref="StoppingAsync"/> does, if that has not run.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => LeaveOnceAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops heartbeating if the host never stopped the agent (a later start-up task failed).</summary>
    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration it serves (agent, start-up task, hosted service).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _heartbeats.ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>
    /// Reads the membership now and publishes it if it is newer, at most once per 100 ms however many callers ask:
    /// a call rejected by a silo with a newer view retries as soon as this silo has caught up, not a heartbeat later.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _view.Local is null)
        {
            return;
        }

        var asked = _time.GetTimestamp();
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else read the table after this caller asked: that read is fresh enough.
            if (Volatile.Read(ref _lastRefresh) > asked || _time.GetElapsedTime(Volatile.Read(ref _lastRefresh)) < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            Publish(await _table.ReadAsync(cancellationToken).ConfigureAwait(false));
            Volatile.Write(ref _lastRefresh, _time.GetTimestamp());
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Fails with what to fix when a live silo already has this silo's address: checked before this silo listens on
    /// the address, so the operator reads about the other silo rather than about a port in use.
    /// </summary>
    public async Task EnsureAddressFreeAsync(CancellationToken cancellationToken) =>
        EnsureAddressFree(await _table.ReadAsync(cancellationToken).ConfigureAwait(false));

    private void EnsureAddressFree(MembershipSnapshot snapshot)
    {
        var address = _options.Address!;
        if (MembershipRules.FindLiveHolder(snapshot, address, _options.DeathTimeout) is { } holder)
        {
            throw new ClusterConfigurationException(
                    $"Cluster:Address '{address}' is already used by silo '{holder.Name}', active in the cluster membership with a " +
                    $"heartbeat {snapshot.HeartbeatAge(holder).TotalSeconds:0.0} s ago (epoch {holder.Epoch}). Each silo needs an address of " +
                    "its own: give this silo another Cluster:Address, or stop the other silo first (a silo that crashed frees its " +
                    $"address once it has missed heartbeats for Cluster:DeathTimeout, {_options.DeathTimeout}).");
        }
    }

    private async Task<ClusterMember> JoinAsync(CancellationToken cancellationToken)
    {
        var address = _options.Address!;
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _table.ReadAsync(cancellationToken).ConfigureAwait(false);
            EnsureAddressFree(snapshot);
            var join = MembershipRules.Join(snapshot, address, _siloName, _options.Roles, _options.DeathTimeout);
            if (await _table.TryUpdateAsync(snapshot.Version, [join], cancellationToken).ConfigureAwait(false) is not null)
            {
                var self = join.Next;
                _view.SetLocal(self);
                MembershipLog.Joined(_logger, _siloName, address, self.Roles.ToString().ToLowerInvariant(), self.Epoch);
                Publish(await _table.ReadAsync(cancellationToken).ConfigureAwait(false));
                return self;
            }

            if (attempt == WriteAttempts)
            {
                throw new InvalidOperationException(
                    $"Silo {_siloName} could not join the cluster as {address}: the membership changed under each of {WriteAttempts} attempts.");
            }

            await Task.Delay(s_retryDelay * attempt, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunHeartbeatsAsync(ClusterMember self, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    if (!await HeartbeatRoundAsync(self, cancellationToken).ConfigureAwait(false))
                    {
                        Evict(self);
                        return;
                    }
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The database may be back next round; if it stays away, the others declare this silo dead and it
                    // learns so from its next successful heartbeat.
                    MembershipLog.HeartbeatFailed(_logger, exception, self.Address, _options.HeartbeatInterval);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One heartbeat: false when this silo's incarnation is no longer active in the table.</summary>
    private async Task<bool> HeartbeatRoundAsync(ClusterMember self, CancellationToken cancellationToken)
    {
        if (!await _table.HeartbeatAsync(self.Address, self.Epoch, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var snapshot = await _table.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (MembershipRules.IsEvicted(snapshot, self))
        {
            return false;
        }

        Publish(snapshot);
        await SweepDefunctRowsAsync(cancellationToken).ConfigureAwait(false);
        var overdue = MembershipRules.DeclareOverdueDead(snapshot, self.Address, _options.DeathTimeout);
        if (overdue.Count > 0 && await _table.TryUpdateAsync(snapshot.Version, overdue, cancellationToken).ConfigureAwait(false) is not null)
        {
            foreach (var dead in overdue)
            {
                MembershipLog.DeclaredDead(_logger, dead.Next.Address, dead.Next.Name, snapshot.HeartbeatAge(dead.Previous!), _options.DeathTimeout);
            }

            Publish(await _table.ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        return true;
    }

    /// <summary>
    /// At most once an hour per silo: deletes the rows of silos gone for over <see cref="DefunctRowRetention"/>, so a
    /// cluster whose silos get new addresses (containers) does not accumulate rows forever.
    /// </summary>
    private async Task SweepDefunctRowsAsync(CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _lastDefunctSweep);
        if (last != 0 && _time.GetElapsedTime(last) < s_defunctSweepInterval)
        {
            return;
        }

        Volatile.Write(ref _lastDefunctSweep, _time.GetTimestamp());
        var deleted = await _table.DeleteDefunctAsync(DefunctRowRetention, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            MembershipLog.DefunctRowsDeleted(_logger, deleted, DefunctRowRetention);
        }
    }

    private void Publish(MembershipSnapshot snapshot)
    {
        if (_view.Publish(snapshot))
        {
            var active = snapshot.Active.ToList();
            MembershipLog.ViewChanged(_logger, snapshot.Version, active.Count, string.Join(", ", active));
        }
    }

    private void Evict(ClusterMember self)
    {
        if (!_view.MarkEvicted())
        {
            return;
        }

        MembershipLog.Evicted(_logger, _siloName, self.Address, self.Epoch, ClusterOptions.EvictedExitCode);
        // The process outcome, read by the host's entry point once the host has stopped.
        Environment.ExitCode = ClusterOptions.EvictedExitCode;
        _lifetime.StopApplication();
    }

    private Task LeaveOnceAsync(CancellationToken cancellationToken)
    {
        lock (_leaveLock)
        {
            return _leaving ??= LeaveAsync(cancellationToken);
        }
    }

    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _heartbeats.ConfigureAwait(false);
        if (_view.Local is { } self && !_view.IsEvicted)
        {
            await LeaveAsync(self, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LeaveAsync(ClusterMember self, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; attempt <= WriteAttempts; attempt++)
            {
                var snapshot = await _table.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (MembershipRules.Leave(snapshot, self) is not { } leave)
                {
                    return;
                }

                if (await _table.TryUpdateAsync(snapshot.Version, [leave], cancellationToken).ConfigureAwait(false) is { } version)
                {
                    MembershipLog.Left(_logger, _siloName, self.Address, self.Epoch);

                    // The table as it is now: no status changed between the read and this write, only this silo's row.
                    Publish(snapshot with
                    {
                        Version = version,
                        Members = [.. snapshot.Members.Select(member => member.Address == self.Address ? leave.Next : member)],
                    });
                    return;
                }
            }

            throw new InvalidOperationException($"The membership changed under each of {WriteAttempts} attempts.");
        }
        catch (Exception exception)
        {
            // Shutdown goes on: the others will find the missing heartbeats.
            MembershipLog.LeaveFailed(_logger, exception, _siloName, self.Address, _options.DeathTimeout);
        }
    }
}
