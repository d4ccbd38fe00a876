using System.Collections.Concurrent;
using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Calls;

namespace ContactOS.Runtime.Reminders;

/// <summary>
/// Keeps the durable reminders of this silo's grains ticking. Rows live in the <see cref="IReminderTable"/>;
/// each row gets a local timer that, when due, delivers <see cref="IRemindable.ReceiveReminder"/> as a normal
/// grain call (activating the grain if needed). At start-up all rows are loaded, so reminders keep firing
/// after a restart; ticks missed while no silo ran are not replayed: the next tick is the next one on the
/// reminder's schedule.
/// </summary>
internal sealed class ReminderService : IDisposable
{
    private static readonly GrainMethod s_receiveReminder = new(nameof(IRemindable), nameof(IRemindable.ReceiveReminder), GrainMethodFlags.None);

    private readonly GrainRuntime _runtime;
    private readonly IReminderTable? _table;
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), LocalReminder> _local = new();

    public ReminderService(GrainRuntime runtime, IReminderTable? table)
    {
        _runtime = runtime;
        _table = table;
    }

    public int ScheduledCount => _local.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_table is null)
        {
            return;
        }

        foreach (var entry in await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Schedule(entry);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(ActivationData activation, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var minimum = _runtime.Options.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{name}' of grain {activation.GrainId}: the period must be at least {minimum} (Silo:MinimumReminderPeriod). " +
                "Use a grain timer for shorter periods.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (!activation.GrainType.IsRemindable)
        {
            throw new InvalidOperationException(
                $"{activation.GrainType.GrainClass.Name} registers reminder '{name}' but does not implement {nameof(IRemindable)}.");
        }

        var table = RequireTable();
        var entry = new ReminderEntry(activation.GrainId, name, _runtime.TimeProvider.GetUtcNow() + dueTime, period);
        var etag = await table.UpsertAsync(entry, cancellationToken);
        entry = entry with { ETag = etag };
        Schedule(entry);
        return new GrainReminder(entry);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var table = RequireTable();
        var stored = await table.ReadAsync(grainId, reminder.ReminderName, cancellationToken);
        if (stored?.ETag is { } etag)
        {
            await table.RemoveAsync(grainId, reminder.ReminderName, etag, cancellationToken);
        }

        if (_local.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        var stored = await RequireTable().ReadAsync(grainId, name, cancellationToken);
        return stored is null ? null : new GrainReminder(stored);
    }

    public void Dispose()
    {
        foreach (var local in _local.Values)
        {
            local.Dispose();
        }

        _local.Clear();
    }

    private IReminderTable RequireTable() => _table
        ?? throw new InvalidOperationException("Reminders need a reminder table, and none is configured (see the Storage settings).");

    private void Schedule(ReminderEntry entry)
    {
        var local = new LocalReminder(this, entry);
        _local.AddOrUpdate((entry.GrainId, entry.Name), local, (_, previous) =>
        {
            previous.Dispose();
            return local;
        });
        local.Arm();
    }

    private void Deliver(LocalReminder local, DateTimeOffset dueAt)
    {
        var entry = local.Entry;
        var status = new TickStatus(entry.StartAt, entry.Period, dueAt);
        var call = new GrainCall<IRemindable, (string, TickStatus), VoidResult>(
            entry.GrainId, s_receiveReminder, static (grain, args) => grain.ReceiveReminder(args.Item1, args.Item2), (entry.Name, status));
        _runtime.Dispatch(call);
        call.Task.ContinueWith(
            static (task, state) => RuntimeLog.ReminderDeliveryFailed(((GrainRuntime)state!).Logger, task.Exception!.GetBaseException()),
            _runtime,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private sealed class LocalReminder(ReminderService owner, ReminderEntry entry) : IDisposable
    {
        private ITimer? _timer;
        private DateTimeOffset _dueAt;
        private bool _disposed;

        public ReminderEntry Entry { get; } = entry;

        public void Arm()
        {
            var now = owner._runtime.TimeProvider.GetUtcNow();
            _dueAt = NextTick(Entry, now);
            lock (this)
            {
                if (_disposed)
                {
                    return;
                }

                _timer ??= owner._runtime.TimeProvider.CreateTimer(static s => ((LocalReminder)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(_dueAt - now, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (this)
            {
                _disposed = true;
                _timer?.Dispose();
            }
        }

        private void OnDue()
        {
            lock (this)
            {
                if (_disposed)
                {
                    return;
                }
            }

            owner.Deliver(this, _dueAt);
            Arm();
        }

        /// <summary>The first tick on the reminder's schedule at or after <paramref name="now"/>, skipping the one just delivered.</summary>
        private DateTimeOffset NextTick(ReminderEntry reminder, DateTimeOffset now)
        {
            if (reminder.StartAt >= now && reminder.StartAt > _dueAt)
            {
                return reminder.StartAt;
            }

            var elapsed = now - reminder.StartAt;
            var periods = (long)Math.Ceiling(elapsed.Ticks / (double)reminder.Period.Ticks);
            var next = reminder.StartAt + (reminder.Period * periods);
            return next <= _dueAt ? next + reminder.Period : next;
        }
    }

    private sealed record GrainReminder(ReminderEntry Entry) : IGrainReminder
    {
        public string ReminderName => Entry.Name;

        public TimeSpan Period => Entry.Period;

        public DateTimeOffset StartAt => Entry.StartAt;
    }
}
