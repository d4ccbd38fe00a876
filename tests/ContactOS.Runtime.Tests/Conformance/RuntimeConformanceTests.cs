using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Tests.Grains;
using ContactOS.Testing;
using ContactOS.Testing.Silos;
using ContactOS.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Runtime.Tests.Conformance;

/// <summary>
/// The grain runtime's contract, run once per storage backend. Every test uses fresh grain keys, so tests
/// of one class share a database without seeing each other's grains. Time is a fake clock moved by the
/// tests; nothing here sleeps to let time pass.
/// </summary>
public abstract class RuntimeConformanceTests : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    protected FakeTimeProvider Time { get; } = new();

    /// <summary>Prepares the backend (a database) once per test.</summary>
    protected abstract Task InitializeStorageAsync();

    /// <summary>Registers a state store and reminder table on the shared database, as a separate process would.</summary>
    protected abstract void ConfigureStorage(IServiceCollection services);

    public Task InitializeAsync() => InitializeStorageAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    protected async Task<TestSilo> StartSiloAsync(Action<SiloOptions>? configure = null)
    {
        var silo = await TestSilo.StartAsync(Time, ConfigureStorage, configure);
        _silos.Add(silo);
        return silo;
    }

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_grain_has_exactly_one_activation_under_1000_concurrent_callers()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("single");

        var ids = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => silo.Grains.GetGrain<ICounterGrain>(key).GetActivationId())));
        var adds = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => silo.Grains.GetGrain<ICounterGrain>(key).Add(1))));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, ProbeRegistry.For(key).Activations);
        Assert.Equal(Enumerable.Range(1, 1000), adds.Order());
        Assert.Equal(1000, await silo.Grains.GetGrain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task Calls_run_in_the_order_they_were_sent()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("fifo");
        var grain = silo.Grains.GetGrain<ISequenceGrain>(key);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(grain.Append).ToArray());

        Assert.Equal(Enumerable.Range(0, 500), await grain.GetAll());
        Assert.Equal(1, ProbeRegistry.For(key).MaxConcurrent);
    }

    [Fact]
    public async Task Calls_do_not_interleave_without_opt_in()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("no-interleave");
        var grain = silo.Grains.GetGrain<IGateGrain>(key);
        var probe = ProbeRegistry.For(key);

        var first = grain.Wait("a");
        var second = grain.Wait("b");
        await Eventually.TrueAsync(() => probe.Inside == 1, "the first call entered the grain");
        probe.Gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(1, await second);
        Assert.Equal(["enter:a", "leave:a", "enter:b", "leave:b"], probe.Events);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_at_awaits_but_runs_one_turn_at_a_time()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("reentrant");
        var grain = silo.Grains.GetGrain<IReentrantGateGrain>(key);
        var probe = ProbeRegistry.For(key);

        var calls = Enumerable.Range(0, 3).Select(i => grain.Wait("c" + i)).ToArray();
        await Eventually.TrueAsync(() => probe.Inside == 3, "all three calls entered the reentrant grain");
        probe.Gate.SetResult();

        // -1 would mean two turns ran grain code at the same instant.
        Assert.All(await Task.WhenAll(calls), max => Assert.Equal(3, max));
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_call_waits()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("always-interleave");
        var grain = silo.Grains.GetGrain<IGateGrain>(key);
        var probe = ProbeRegistry.For(key);

        var blocking = grain.Wait("write");
        var interleaved = grain.WaitInterleaved("interleaved");
        await Eventually.TrueAsync(() => probe.Inside == 2, "the interleaving call entered while the first waited");
        probe.Gate.SetResult();

        Assert.Equal(2, await blocking);
        Assert.Equal(2, await interleaved);
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_write()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("read-only");
        var grain = silo.Grains.GetGrain<IGateGrain>(key);
        var probe = ProbeRegistry.For(key);

        var readers = new[] { grain.WaitReadOnly("r1"), grain.WaitReadOnly("r2") };
        var writer = grain.Wait("w");
        await Eventually.TrueAsync(() => probe.Inside == 2, "both readers entered together");
        probe.Gate.SetResult();
        await Task.WhenAll(readers);
        await writer;

        Assert.Equal(2, probe.MaxConcurrent);
        Assert.Equal("enter:w", probe.Events.Skip(4).First());
    }

    [Fact]
    public async Task Exceptions_thrown_by_a_grain_reach_the_caller_with_their_type_and_message()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>(NewKey("faulty"));

        var sync = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowSynchronously("tenant acme is suspended"));
        var async = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowAfterAwait("bad period"));

        Assert.Equal("tenant acme is suspended", sync.Message);
        Assert.StartsWith("bad period", async.Message, StringComparison.Ordinal);
        Assert.Equal(42, await grain.Echo(42));
    }

    [Fact]
    public async Task A_call_that_outlives_the_call_timeout_fails_with_a_timeout_error_naming_the_call()
    {
        var silo = await StartSiloAsync(o => o.CallTimeout = TimeSpan.FromSeconds(30));
        var key = NewKey("hang");
        var grain = silo.Grains.GetGrain<IFaultyGrain>(key);

        var hanging = grain.Hang();
        var queuedBehind = grain.Echo(7).AsTask();
        Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(hanging.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => hanging);
        Assert.Contains("IFaultyGrain.Hang", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("30 s", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => queuedBehind);
        ProbeRegistry.For(key).Gate.SetResult();
        Assert.Equal(8, await grain.Echo(8));
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("durable");
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);
        await grain.Add(5);
        var firstActivation = await grain.GetActivationId();

        await grain.Deactivate();

        Assert.Equal(5, await grain.Get());
        Assert.NotEqual(firstActivation, await grain.GetActivationId());
        Assert.Equal(2, ProbeRegistry.For(key).Activations);
        Assert.Equal([DeactivationReason.Requested], ProbeRegistry.For(key).DeactivationReasons);
    }

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        var key = NewKey("restart");
        var first = await StartSiloAsync();
        await first.Grains.GetGrain<ICounterGrain>(key).Add(3);
        await first.Grains.GetGrain<ICounterGrain>(key).Add(4);
        await first.StopAsync();

        var second = await StartSiloAsync();

        Assert.Equal(7, await second.Grains.GetGrain<ICounterGrain>(key).Get());
        Assert.Equal(8, await second.Grains.GetGrain<ICounterGrain>(key).Add(1));
    }

    [Fact]
    public async Task Graceful_shutdown_deactivates_every_grain_so_it_can_persist()
    {
        var keys = Enumerable.Range(0, 20).Select(i => NewKey("lazy" + i)).ToArray();
        var first = await StartSiloAsync();
        foreach (var key in keys)
        {
            await first.Grains.GetGrain<ILazyCounterGrain>(key).Increment();
            await first.Grains.GetGrain<ILazyCounterGrain>(key).Increment();
        }

        await first.StopAsync();
        Assert.Equal(0, first.ActivationCount);

        var second = await StartSiloAsync();
        foreach (var key in keys)
        {
            Assert.Equal(2, await second.Grains.GetGrain<ILazyCounterGrain>(key).Get());
        }
    }

    [Fact]
    public async Task A_stale_etag_is_detected_when_two_silos_race_and_the_loser_reloads()
    {
        var key = NewKey("race");
        var a = await StartSiloAsync();
        var b = await StartSiloAsync();
        var onA = a.Grains.GetGrain<ICounterGrain>(key);
        var onB = b.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(0, await onA.Get());
        Assert.Equal(0, await onB.Get());

        Assert.Equal(10, await onA.Add(10));
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => onB.Add(1));

        Assert.Contains(key, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(10, await onB.Get());
        Assert.Equal(11, await onB.Add(1));
        Assert.Contains(DeactivationReason.InconsistentState, ProbeRegistry.For(key).DeactivationReasons);
    }

    [Fact]
    public async Task Clearing_state_removes_it_from_the_store()
    {
        var key = NewKey("clear");
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);
        await grain.Add(9);

        await grain.Clear();
        await grain.Deactivate();

        Assert.Equal(0, await grain.Get());
        Assert.Equal(1, await grain.Add(1));
    }

    [Fact]
    public async Task Timer_ticks_wait_for_the_running_call_and_run_as_their_own_turn()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("timer-turn");
        var grain = silo.Grains.GetGrain<ITimerGrain>(key);
        var probe = ProbeRegistry.For(key);
        await grain.StartTimer(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), keepAlive: false, interleave: false);

        var call = grain.Wait("call");
        await Eventually.TrueAsync(() => probe.Events.Contains("enter:call"), "the call entered the grain");
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("tick", probe.Events);
        probe.Gate.SetResult();
        await call;

        Assert.Equal(1, await grain.GetTicks());
        Assert.Equal(["enter:call", "leave:call", "tick"], probe.Events);
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await grain.GetTicks());
    }

    [Fact]
    public async Task An_interleaving_timer_ticks_while_a_call_waits()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("timer-interleave");
        var grain = silo.Grains.GetGrain<ITimerGrain>(key);
        var probe = ProbeRegistry.For(key);
        await grain.StartTimer(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), keepAlive: false, interleave: true);

        var call = grain.Wait("call");
        await Eventually.TrueAsync(() => probe.Events.Contains("enter:call"), "the call entered the grain");
        Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => probe.Events.Contains("tick"), "the tick ran during the call");
        probe.Gate.SetResult();
        await call;

        Assert.Equal(["enter:call", "tick", "leave:call"], probe.Events);
    }

    [Fact]
    public async Task A_stopped_timer_no_longer_ticks()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ITimerGrain>(NewKey("timer-stop"));
        await grain.StartTimer(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), keepAlive: false, interleave: false);
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await grain.GetTicks());

        await grain.StopTimer();
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await grain.GetTicks());
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age_and_not_before()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("idle");
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);
        var activation = await grain.GetActivationId();

        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(activation, await grain.GetActivationId());
        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, ProbeRegistry.For(key).Deactivations);
        Time.Advance(TimeSpan.FromMinutes(2));

        await Eventually.TrueAsync(() => ProbeRegistry.For(key).Deactivations == 1, "the idle activation was collected");
        Assert.Equal([DeactivationReason.IdleCollection], ProbeRegistry.For(key).DeactivationReasons);
        await Eventually.TrueAsync(() => silo.ActivationCount == 0, "the directory is empty");
    }

    [Fact]
    public async Task A_call_counts_as_activity_and_postpones_collection()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("activity");
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);
        var activation = await grain.GetActivationId();

        Time.Advance(TimeSpan.FromMinutes(10));
        await grain.Add(1);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(activation, await grain.GetActivationId());
    }

    [Fact]
    public async Task A_grain_class_can_set_its_own_collection_age()
    {
        var silo = await StartSiloAsync();
        var key = NewKey("short-lived");
        await silo.Grains.GetGrain<IShortLivedGrain>(key).Touch();

        Time.Advance(TimeSpan.FromMinutes(4));

        await Eventually.TrueAsync(() => ProbeRegistry.For(key).Deactivations == 1, "the short-lived grain was collected after its 2-minute age");
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_an_activation_alive_unless_asked_to()
    {
        var silo = await StartSiloAsync(o => o.CollectionAge = TimeSpan.FromMinutes(5));
        var plainKey = NewKey("timer-plain");
        var keepAliveKey = NewKey("timer-keepalive");
        await silo.Grains.GetGrain<ITimerGrain>(plainKey).StartTimer(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), keepAlive: false, interleave: false);
        await silo.Grains.GetGrain<ITimerGrain>(keepAliveKey).StartTimer(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), keepAlive: true, interleave: false);
        var keepAliveProbe = ProbeRegistry.For(keepAliveKey);

        for (var minute = 1; minute <= 10; minute++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var expected = minute;
            await Eventually.TrueAsync(
                () => keepAliveProbe.Events.Count(e => e == "tick") == expected && Time.TimersAwaitingRearm == 0,
                $"keep-alive tick {expected}, and both timers armed for the next");
        }

        await Eventually.TrueAsync(() => ProbeRegistry.For(plainKey).Deactivations == 1, "the grain whose timer is not keep-alive was collected");
        Assert.Equal(0, keepAliveProbe.Deactivations);
    }

    [Fact]
    public async Task A_reminder_fires_on_schedule_and_reactivates_its_grain()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>(NewKey("reminder"));
        await grain.Register("rollup", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await grain.GetTicks());
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await grain.GetTicks());

        await grain.Deactivate();
        await Eventually.TrueAsync(() => silo.ActivationCount == 0, "the reminder grain was deactivated");
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(3, await grain.GetTicks());
        Assert.True(await grain.HasReminder("rollup"));
    }

    [Fact]
    public async Task A_reminder_keeps_firing_after_a_silo_restart()
    {
        var key = NewKey("reminder-restart");
        var first = await StartSiloAsync();
        await first.Grains.GetGrain<IReminderGrain>(key).Register("nightly", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        await first.StopAsync();

        var second = await StartSiloAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await second.Grains.GetGrain<IReminderGrain>(key).GetTicks());
        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await second.Grains.GetGrain<IReminderGrain>(key).GetTicks());
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_firing()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>(NewKey("reminder-stop"));
        await grain.Register("temp", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await grain.GetTicks());

        await grain.Unregister("temp");
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await grain.GetTicks());
        Assert.False(await grain.HasReminder("temp"));
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_rejected_with_a_clear_message()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>(NewKey("reminder-short"));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("fast", TimeSpan.Zero, TimeSpan.FromSeconds(10)));

        Assert.Contains("at least 00:01:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("grain timer", error.Message, StringComparison.Ordinal);
    }
}
