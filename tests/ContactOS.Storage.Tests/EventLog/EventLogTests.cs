using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ContactOS.Storage.Tests.EventLog;

/// <summary>What the event log must do, run once per database engine.</summary>
public abstract class EventLogTests(StorageTarget target, ITestOutputHelper output) : StorageTestBase(target), IAsyncLifetime
{
    // 11:26:53.5897937 at +02:00: the log keeps UTC to the microsecond, so this reads back as 09:26:53.589793Z.
    private static readonly DateTimeOffset s_time = new DateTimeOffset(2025, 3, 14, 11, 26, 53, TimeSpan.FromHours(2)).AddTicks(5_897_937);
    private static readonly DateTimeOffset s_storedTime = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5_897_930);

    private readonly List<IAsyncDisposable> _disposables = [];

    /// <summary>An outage of this test's database that <see cref="DatabaseOutage.Settings"/> are subject to.</summary>
    protected abstract DatabaseOutage CreateOutage(IReadOnlyDictionary<string, string?> settings);

    /// <summary>Removes every event, fast (used between the two halves of the throughput measurement).</summary>
    protected abstract string EmptyLogSql { get; }

    [Fact]
    public async Task AppendAsync_ThenReadAsync_ReturnsEventsInPositionOrderWithEveryFieldIntact()
    {
        var log = (await StartLogAsync()).EventLog;
        byte[] payload = [0x00, 0x01, 0x7F, 0x80, 0xFF, .. "{\"text\":\"¡Hola! ¿Qué tal?\"}"u8];
        LogEvent[] events = [new("tenant-a", "e-1", "conversation:c-42", s_time, payload), Event("e-2"), Event("e-3")];

        var results = await log.AppendAsync(events, CancellationToken.None);
        var stored = await log.ReadAsync(0, 100, CancellationToken.None);

        Assert.All(results, result => Assert.False(result.Duplicate));
        Assert.Equal(results.Select(result => result.Position), stored.Select(stored => stored.Position));
        AssertIncreasing(stored.Select(stored => stored.Position));
        var first = stored[0];
        Assert.Equal(("tenant-a", "e-1", "conversation:c-42"), (first.TenantId, first.EventId, first.RoutingKey));
        Assert.Equal(payload, first.Payload);
        Assert.Equal(s_storedTime, first.EventTime);
        Assert.Equal(TimeSpan.Zero, first.EventTime.Offset);
        Assert.Equal(events.Skip(1).Select(e => e.Payload.ToArray()), stored.Skip(1).Select(e => e.Payload));
    }

    [Fact]
    public async Task ReadRoutingKeysAsync_ReturnsTheTenantsEventsAboutTheKeysBeforeThePositionInOrder()
    {
        var log = (await StartLogAsync()).EventLog;
        LogEvent About(string tenant, string eventId, string key) => Event(eventId, tenant) with { RoutingKey = key };
        // Grain keys join tenant and id with '/': "a/b" + "c" and "a" + "b/c" must stay apart here.
        LogEvent[] events =
        [
            About("a", "e-1", "conversation:c-1"), About("a", "e-2", "conversation:c-2"), About("a", "e-3", "agent:c-1"),
            About("b", "e-4", "conversation:c-1"), About("a/b", "e-5", "c"), About("a", "e-6", "b/c"),
            About("a", "e-7", "conversation:c-1"), About("a", "e-8", "conversation:c-1"),
        ];
        var positions = (await log.AppendAsync(events, CancellationToken.None)).Select(result => result.Position).ToArray();

        var read = await log.ReadRoutingKeysAsync(
            "a", ["conversation:c-1", "b/c", "conversation:c-9", "conversation:c-1"], positions[7], CancellationToken.None);
        var other = await log.ReadRoutingKeysAsync("a/b", ["c"], long.MaxValue, CancellationToken.None);

        Assert.Equal(["e-1", "e-6", "e-7"], read.Select(e => e.EventId));
        Assert.Equal([positions[0], positions[5], positions[6]], read.Select(e => e.Position));
        Assert.Equal(("a", "b/c"), (read[1].TenantId, read[1].RoutingKey));
        Assert.Equal(["e-5"], other.Select(e => e.EventId));
        Assert.Empty(await log.ReadRoutingKeysAsync("c", ["conversation:c-1"], long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_PayloadSlicedFromLargerBuffer_StoresOnlyTheSlice()
    {
        var log = (await StartLogAsync()).EventLog;
        var buffer = "xx{\"a\":1}yy"u8.ToArray();

        await log.AppendAsync([Event("e-1") with { Payload = buffer.AsMemory(2, 7) }], CancellationToken.None);

        Assert.Equal("{\"a\":1}"u8.ToArray(), Assert.Single(await log.ReadAsync(0, 10, CancellationToken.None)).Payload);
    }

    [Fact]
    public async Task AppendAsync_SuccessiveCalls_PositionsIncreaseAcrossCallsAndLastPositionIsTheNewest()
    {
        var log = (await StartLogAsync()).EventLog;
        var positions = new List<long>();

        for (var call = 0; call < 5; call++)
        {
            var results = await log.AppendAsync(Events($"call-{call}", 3), CancellationToken.None);
            positions.AddRange(results.Select(result => result.Position));
        }

        AssertIncreasing(positions);
        Assert.Equal(positions[^1], await log.GetLastPositionAsync(CancellationToken.None));
    }

    /// <summary>
    /// Grain snapshots record log positions, so a position handed out once must never be handed out again, not even
    /// after the newest events were deleted (a log emptied by an operator, rows removed by hand).
    /// </summary>
    [Fact]
    public async Task AppendAsync_AfterTheNewestEventsWereDeleted_HandsOutPositionsAboveEveryEarlierOne()
    {
        var host = await StartLogAsync();
        var earlier = await host.EventLog.AppendAsync(Events("before", 3), CancellationToken.None);
        await host.BulkLoader.LoadAsync(Events("bulk", 2), CancellationToken.None);
        var highest = await host.EventLog.GetLastPositionAsync(CancellationToken.None);
        await EmptyLogAsync(host);

        var later = await host.EventLog.AppendAsync(Events("after", 2), CancellationToken.None);

        Assert.True(highest > earlier[^1].Position);
        Assert.All(later, result => Assert.True(result.Position > highest, $"position {result.Position} was handed out before"));
        Assert.Equal(later.Select(result => result.Position), (await ReadAllAsync(host.EventLog)).Select(e => e.Position));
    }

    [Fact]
    public async Task EmptyLog_ReadsNothingAndLastPositionIsZero()
    {
        var log = (await StartLogAsync()).EventLog;

        Assert.Empty(await log.AppendAsync([], CancellationToken.None));
        Assert.Empty(await log.ReadAsync(0, 10, CancellationToken.None));
        Assert.Empty(await log.ReadTenantAsync("tenant-a", 0, 10, CancellationToken.None));
        Assert.Equal(0, await log.GetLastPositionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_SameEventTwiceInOneCall_StoresTheFirstAndReportsTheLaterCopyAsDuplicateAtItsPosition()
    {
        var log = (await StartLogAsync()).EventLog;
        var original = Event("e-1");

        var results = await log.AppendAsync([original, Event("e-2"), original with { Payload = "{\"retry\":true}"u8.ToArray() }], CancellationToken.None);

        Assert.Equal([false, false, true], results.Select(result => result.Duplicate));
        Assert.Equal(results[0].Position, results[2].Position);
        var stored = await log.ReadAsync(0, 10, CancellationToken.None);
        Assert.Equal(["e-1", "e-2"], stored.Select(e => e.EventId));
        Assert.Equal(original.Payload.ToArray(), stored[0].Payload);
    }

    [Fact]
    public async Task AppendAsync_EventStoredByEarlierCall_ReportedDuplicateAtTheEarlierPositionAndNotStoredAgain()
    {
        var log = (await StartLogAsync()).EventLog;
        var first = await log.AppendAsync([Event("e-1"), Event("e-2")], CancellationToken.None);

        var second = await log.AppendAsync(
            [Event("e-2") with { Payload = "{\"retry\":true}"u8.ToArray() }, Event("e-3"), Event("e-1", tenantId: "tenant-b")],
            CancellationToken.None);

        Assert.Equal(new AppendResult(first[1].Position, Duplicate: true), second[0]);
        Assert.False(second[1].Duplicate);
        Assert.False(second[2].Duplicate); // the same id from another tenant is another event
        var stored = await log.ReadAsync(0, 10, CancellationToken.None);
        Assert.Equal(
            [("tenant-a", "e-1"), ("tenant-a", "e-2"), ("tenant-a", "e-3"), ("tenant-b", "e-1")],
            stored.Select(e => (e.TenantId, e.EventId)));
        Assert.Equal(Event("e-2").Payload.ToArray(), stored[1].Payload);
    }

    [Fact]
    public async Task AppendAsync_DuplicatesFarApart_AreReportedEachTimeAndEverythingElseIsStored()
    {
        // PostgreSQL writes optimistically, looks for stored events for a while after meeting one, then stops looking:
        // duplicates must be exact in each of these phases.
        var log = (await StartLogAsync()).EventLog;
        var original = await log.AppendAsync([Event("original")], CancellationToken.None);
        var expected = new List<string> { "original" };

        for (var call = 0; call < 40; call++)
        {
            var results = await log.AppendAsync([Event($"new-{call}"), Event("original")], CancellationToken.None);

            Assert.False(results[0].Duplicate);
            Assert.Equal(new AppendResult(original[0].Position, Duplicate: true), results[1]);
            expected.Add($"new-{call}");
        }

        Assert.Equal(expected, (await ReadAllAsync(log)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentCallersSendingTheSameEvents_StoreEachOnceAndExactlyOneCallerAppendsIt()
    {
        const int callers = 10;
        var log = (await StartLogAsync()).EventLog;
        var events = Events("shared", 100);

        // Each caller sends the events in its own order, so copies meet within groups and across groups.
        var results = await RunTogetherAsync(callers, caller =>
        {
            var order = events.OrderBy(e => (e.EventId.GetHashCode(StringComparison.Ordinal) * (caller + 1)) % 97).ToArray();
            return (order, log.AppendAsync(order, CancellationToken.None));
        });

        var stored = await ReadAllAsync(log);
        Assert.Equal(100, stored.Count);
        var positions = stored.ToDictionary(e => e.EventId, e => e.Position);
        var outcomes = results.SelectMany(call => call.Events.Zip(call.Results)).ToList();
        Assert.All(outcomes, outcome => Assert.Equal(positions[outcome.First.EventId], outcome.Second.Position));
        Assert.All(
            outcomes.GroupBy(outcome => outcome.First.EventId),
            copies => Assert.Single(copies, copy => !copy.Second.Duplicate));
    }

    [Fact]
    public async Task AppendAsync_FiftyConcurrentCallers_StoreEveryEventOnceAtTheReportedPositions()
    {
        const int callers = 50;
        const int eventsPerCaller = 200;
        var log = (await StartLogAsync()).EventLog;

        var results = await RunTogetherAsync(callers, caller =>
        {
            var events = Events($"caller-{caller}", eventsPerCaller, tenantId: $"tenant-{caller % 5}");
            return (events, log.AppendAsync(events, CancellationToken.None));
        });

        var stored = await ReadAllAsync(log);
        Assert.Equal(callers * eventsPerCaller, stored.Count);
        AssertIncreasing(stored.Select(e => e.Position));
        var byKey = stored.ToDictionary(e => (e.TenantId, e.EventId));
        foreach (var (events, appended) in results)
        {
            Assert.All(appended, result => Assert.False(result.Duplicate));
            // A batch is written as a whole, in its own order.
            AssertIncreasing(appended.Select(result => result.Position));
            Assert.All(events.Zip(appended), pair =>
            {
                var row = byKey[(pair.First.TenantId, pair.First.EventId)];
                Assert.Equal(pair.Second.Position, row.Position);
                Assert.Equal(pair.First.Payload.ToArray(), row.Payload);

                // Nothing of the tenant between what precedes an event and the event, with callers of five tenants racing.
                var previous = stored.Where(e => e.TenantId == row.TenantId && e.Position < row.Position).Select(e => e.Position).DefaultIfEmpty(0).Max();
                Assert.Equal(previous, pair.Second.Preceding);
            });
        }
    }

    /// <summary>
    /// The pipeline applies a batch without asking the database when <see cref="AppendResult.Preceding"/> says nothing of
    /// the tenant lies between its last applied event and the batch: that must hold whoever else writes, and, while this
    /// process is the only writer, name the tenant's previous event exactly.
    /// </summary>
    [Fact]
    public async Task AppendAsync_Preceding_NamesTheTenantsPreviousEventWhileAloneAndNeverHidesOneWrittenByAnotherWriter()
    {
        var host = await StartLogAsync();
        var other = await StartLogAsync();
        var log = host.EventLog;
        var results = new List<(LogEvent Event, AppendResult Result)>();
        async Task<IReadOnlyList<AppendResult>> AppendAsync(IEventLog by, params LogEvent[] events)
        {
            var appended = await by.AppendAsync(events, CancellationToken.None);
            results.AddRange(events.Zip(appended));
            return appended;
        }

        var a = await AppendAsync(log, Event("a-1"), Event("a-2"));
        var b = await AppendAsync(log, Event("b-1", "tenant-b"));
        var a3 = await AppendAsync(log, Event("a-3"));
        var repeated = await AppendAsync(log, Event("a-2"), Event("a-6"));
        var foreign = await AppendAsync(other.EventLog, Event("x-1"), Event("x-2", "tenant-b"));
        var a4 = await AppendAsync(log, Event("a-4"));
        await host.BulkLoader.LoadAsync([Event("bulk-1"), Event("bulk-2")], CancellationToken.None);
        var a5 = await AppendAsync(log, Event("a-5"), Event("b-2", "tenant-b"));

        // Alone: exact.
        Assert.Equal(a[0].Position, a[1].Preceding);
        Assert.Equal(a[1].Position, a3[0].Preceding);
        Assert.Equal(new AppendResult(a[1].Position, Duplicate: true), repeated[0]);
        Assert.True(b[0].Preceding < b[0].Position);

        // After another writer and a bulk load: never past an event this process did not write.
        var stored = await ReadAllAsync(log);
        Assert.True(a4[0].Preceding >= foreign[0].Position, $"{a4[0].Preceding} hides x-1 at {foreign[0].Position}");
        Assert.True(a5[0].Preceding >= stored.Single(e => e.EventId == "bulk-2").Position);
        foreach (var (logEvent, result) in results.Where(r => !r.Result.Duplicate))
        {
            var previous = stored.Where(e => e.TenantId == logEvent.TenantId && e.Position < result.Position).Select(e => e.Position).DefaultIfEmpty(0).Max();
            Assert.InRange(result.Preceding, previous, result.Position - 1);
        }
    }

    [Fact]
    public async Task ReadTenantAsync_ReturnsOnlyThatTenantsEventsInPositionOrder()
    {
        var log = (await StartLogAsync()).EventLog;
        var events = Enumerable.Range(0, 30).Select(i => Event($"e-{i}", tenantId: $"tenant-{(char)('a' + (i % 3))}")).ToArray();
        await log.AppendAsync(events, CancellationToken.None);

        var tenantB = await log.ReadTenantAsync("tenant-b", 0, 100, CancellationToken.None);

        Assert.Equal(events.Where(e => e.TenantId == "tenant-b").Select(e => e.EventId), tenantB.Select(e => e.EventId));
        Assert.All(tenantB, e => Assert.Equal("tenant-b", e.TenantId));
        AssertIncreasing(tenantB.Select(e => e.Position));
        Assert.Empty(await log.ReadTenantAsync("tenant-z", 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_AfterPositionAndMax_PagesThroughTheLogWithoutGapsOrRepeats()
    {
        var log = (await StartLogAsync()).EventLog;
        var events = Enumerable.Range(0, 25).Select(i => Event($"e-{i:00}", tenantId: i % 2 == 0 ? "tenant-a" : "tenant-b")).ToArray();
        var results = await log.AppendAsync(events, CancellationToken.None);

        var pages = await ReadPagesAsync((after, max) => log.ReadAsync(after, max, CancellationToken.None), 10);
        var tenantPages = await ReadPagesAsync((after, max) => log.ReadTenantAsync("tenant-a", after, max, CancellationToken.None), 5);

        Assert.Equal([10, 10, 5], pages.Select(page => page.Count));
        Assert.Equal(results.Select(result => result.Position), pages.SelectMany(page => page).Select(e => e.Position));
        Assert.Equal([5, 5, 3], tenantPages.Select(page => page.Count));
        Assert.Equal(events.Where(e => e.TenantId == "tenant-a").Select(e => e.EventId), tenantPages.SelectMany(page => page).Select(e => e.EventId));
        var middle = results[12].Position;
        Assert.Equal(events.Skip(13).Take(3).Select(e => e.EventId), (await log.ReadAsync(middle, 3, CancellationToken.None)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_DatabaseUnavailable_ThrowsStorageUnavailableStoresNothingAndLaterAppendsWork()
    {
        await StartAsync();
        var outage = CreateOutage(Settings);
        _disposables.Add(outage);
        var log = (await StartLogAsync(outage.Settings)).EventLog;
        var before = await log.AppendAsync([Event("before")], CancellationToken.None);

        await outage.BeginAsync();
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => log.AppendAsync([Event("during-1"), Event("during-2")], CancellationToken.None));
        var again = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => log.AppendAsync([Event("during-3")], CancellationToken.None));
        await outage.EndAsync();
        var after = await log.AppendAsync([Event("during-1"), Event("after")], CancellationToken.None);

        Assert.NotNull(error.InnerException);
        Assert.NotNull(again.InnerException);
        Assert.All(after, result => Assert.False(result.Duplicate));
        Assert.True(after[0].Position > before[0].Position);
        Assert.Equal(["before", "during-1", "after"], (await ReadAllAsync(log)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_AfterRestartOnTheSameDatabase_PositionsKeepIncreasingAndOldEventsAreStillDuplicates()
    {
        var before = await StartLogAsync();
        var first = await before.EventLog.AppendAsync(Events("first", 5), CancellationToken.None);
        await before.DisposeAsync();

        var after = (await StartLogAsync()).EventLog;
        var second = await after.AppendAsync([.. Events("second", 5), Events("first", 5)[2]], CancellationToken.None);

        Assert.True(second[0].Position > first[^1].Position);
        AssertIncreasing(second.Take(5).Select(result => result.Position));
        Assert.Equal(new AppendResult(first[2].Position, Duplicate: true), second[5]);
        Assert.Equal(second[4].Position, await after.GetLastPositionAsync(CancellationToken.None));
        Assert.Equal(10, (await ReadAllAsync(after)).Count);
    }

    [Fact]
    public async Task AppendAsync_CallerCancelledBeforeItsGroupIsTaken_IsNotStoredAndOthersAreUnaffected()
    {
        var host = await StartLogAsync();
        var (groupTaken, releaseWriter) = BlockFirstGroup(host.GroupCommit);
        using var cancelTaken = new CancellationTokenSource();
        using var cancelQueued = new CancellationTokenSource();

        var taken = host.EventLog.AppendAsync(Events("taken", 3), cancelTaken.Token);
        await groupTaken;
        var queued = host.EventLog.AppendAsync(Events("queued", 3), cancelQueued.Token);
        var other = host.EventLog.AppendAsync(Events("other", 3), CancellationToken.None);
        await cancelQueued.CancelAsync();
        // Once its group is taken, a batch is written and answered whatever its caller does.
        await cancelTaken.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        releaseWriter();
        var takenResults = await taken;
        var otherResults = await other;

        var stored = await ReadAllAsync(host.EventLog);
        Assert.Equal(["taken-0", "taken-1", "taken-2", "other-0", "other-1", "other-2"], stored.Select(e => e.EventId));
        Assert.Equal(stored.Select(e => e.Position), takenResults.Concat(otherResults).Select(result => result.Position));
    }

    [Fact]
    public async Task AppendAsync_MoreQueuedThanOneGroup_GroupsAreBoundedWithoutSplittingBatchesAndQueueWaitsForRoom()
    {
        var host = await StartLogAsync();
        await using var log = new AdoNetEventLog(
            host.Database, TimeProvider.System, NullLogger<AdoNetEventLog>.Instance, new EventLogLimits(MaxGroupEvents: 10, MaxQueuedEvents: 25));
        var groupSizes = new ConcurrentQueue<int>();
        var (groupTaken, releaseWriter) = BlockFirstGroup(log, groupSizes);

        var first = log.AppendAsync(Events("a", 4), CancellationToken.None);
        await groupTaken;
        // b, c, d fill the queue to 16 of 25 events; e (30 events, more than the whole budget) waits for all of it,
        // and f waits behind e.
        var rest = new[] { ("b", 4), ("c", 4), ("d", 4), ("e", 30), ("f", 3) }
            .Select(batch => log.AppendAsync(Events(batch.Item1, batch.Item2), CancellationToken.None))
            .ToList();
        releaseWriter();
        await Task.WhenAll([first, .. rest]);

        Assert.Equal([4, 8, 4, 30, 3], groupSizes);
        var stored = await ReadAllAsync(host.EventLog);
        Assert.Equal(49, stored.Count);
        output.WriteLine(string.Join(",", stored.Select(e => e.EventId + "@" + e.Position)));
        Assert.Equal(stored.Select(e => e.Position), (await Task.WhenAll([first, .. rest])).SelectMany(results => results).Select(result => result.Position));
    }

    [Fact]
    public async Task DisposeAsync_WithBatchesQueued_WritesAndAnswersThemThenRefusesNewOnes()
    {
        var host = await StartLogAsync();
        var log = host.GroupCommit;
        var (groupTaken, releaseWriter) = BlockFirstGroup(log);
        var first = log.AppendAsync(Events("first", 2), CancellationToken.None);
        await groupTaken;
        var queued = log.AppendAsync(Events("queued", 2), CancellationToken.None);

        var disposing = log.DisposeAsync().AsTask();
        var refused = await Record.ExceptionAsync(() => log.AppendAsync(Events("late", 1), CancellationToken.None));
        releaseWriter();
        await disposing;

        Assert.IsType<ObjectDisposedException>(refused);
        Assert.Equal(2, (await first).Count);
        Assert.Equal(2, (await queued).Count);
        var reader = (await StartLogAsync()).EventLog;
        Assert.Equal(["first-0", "first-1", "queued-0", "queued-1"], (await ReadAllAsync(reader)).Select(e => e.EventId));
    }

    [Theory]
    [InlineData("", "e-1")]
    [InlineData("tenant-a", "")]
    [InlineData("tenant-a", "e-\0")]
    public async Task AppendAsync_EventWithoutTenantOrIdOrWithNul_ThrowsArgumentExceptionAndStoresNothing(string tenantId, string eventId)
    {
        var log = (await StartLogAsync()).EventLog;

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => log.AppendAsync([Event("fine"), new LogEvent(tenantId, eventId, "conversation:c-1", s_time, "{}"u8.ToArray())], CancellationToken.None));

        Assert.Contains("events[1]", error.Message, StringComparison.Ordinal);
        Assert.Empty(await log.ReadAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task BulkLoader_LoadAsync_StoresRowsTheLogReadsAndKnowsAsDuplicates()
    {
        var host = await StartLogAsync();
        var events = Events("bulk", 100);

        var loaded = await host.BulkLoader.LoadAsync(events, CancellationToken.None);
        var appended = await host.EventLog.AppendAsync([events[7], Event("new")], CancellationToken.None);

        Assert.Equal(100, loaded);
        var stored = await ReadAllAsync(host.EventLog);
        Assert.Equal(events.Select(e => e.EventId).Append("new"), stored.Select(e => e.EventId));
        Assert.Equal(new AppendResult(stored[7].Position, Duplicate: true), appended[0]);
        Assert.Equal(stored[^1].Position, appended[1].Position);
        Assert.Equal(s_storedTime, stored[0].EventTime);
    }

    /// <summary>
    /// Not a timed assertion: prints events/s of <see cref="IEventLog.AppendAsync"/> with 8 concurrent callers sending
    /// batches of 1,000 small events, beside the raw bulk loader on the same rows. Set
    /// CONTACTOS_EVENTLOG_MEASURE_EVENTS to measure other than 50,000 events (the figures in docs/storage.md are for 200,000).
    /// </summary>
    [Fact]
    public async Task Throughput_EightCallersWithBatchesOfAThousand_IsReportedBesideTheRawBulkLoad()
    {
        const int callers = 8;
        const int batchSize = 1_000;
        var total = int.Parse(Environment.GetEnvironmentVariable("CONTACTOS_EVENTLOG_MEASURE_EVENTS") ?? "50000", CultureInfo.InvariantCulture);
        var host = await StartLogAsync();
        // Warm up both paths (JIT, pools, prepared statements), then start from an empty table each time.
        await host.BulkLoader.LoadAsync(SmallEvents("warm-bulk", batchSize), CancellationToken.None);
        await host.EventLog.AppendAsync(SmallEvents("warm-append", batchSize), CancellationToken.None);
        await EmptyLogAsync(host);

        var bulk = SmallEvents("bulk", total);
        var batches = new ConcurrentQueue<LogEvent[]>(SmallEvents("append", total).Chunk(batchSize));
        var clock = Stopwatch.StartNew();
        Assert.Equal(total, await host.BulkLoader.LoadAsync(bulk, CancellationToken.None));
        var bulkSeconds = clock.Elapsed.TotalSeconds;
        await EmptyLogAsync(host);

        var duplicates = 0;
        var transactions = 0;
        host.GroupCommit.BeforeGroupWrite = _ =>
        {
            transactions++;
            return Task.CompletedTask;
        };
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (batches.TryDequeue(out var batch))
            {
                var results = await host.EventLog.AppendAsync(batch, CancellationToken.None);
                Interlocked.Add(ref duplicates, results.Count(result => result.Duplicate));
            }
        })));
        var appendSeconds = clock.Elapsed.TotalSeconds;

        Assert.Equal(0, duplicates);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{GetType().Name}: AppendAsync, {callers} callers x batches of {batchSize:N0}, {total:N0} events of ~300 bytes: " +
            $"{total / appendSeconds:N0} events/s ({appendSeconds:0.00} s, {transactions} transactions); raw bulk load of the same rows: " +
            $"{total / bulkSeconds:N0} rows/s ({bulkSeconds:0.00} s); group commit reaches {bulkSeconds / appendSeconds:P0} of it."));
    }

    public new async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Starts an event log on this test's database (creating the schema first), as a separate process would.</summary>
    protected async Task<StorageHost> StartLogAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await StartAsync();
        var host = await StorageHost.StartAsync(settings ?? Settings, migrate: false);
        _disposables.Add(host);
        return host;
    }

    private async Task EmptyLogAsync(StorageHost host) =>
        await host.Database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EmptyLogSql;
            await command.ExecuteNonQueryAsync();
        }, CancellationToken.None);

    /// <summary>
    /// Holds the writer once it has taken its first group (reporting every group's size to <paramref name="groupSizes"/>):
    /// returns a task that completes when the first group is taken, and the action that lets the writer go on.
    /// </summary>
    private static (Task GroupTaken, Action Release) BlockFirstGroup(AdoNetEventLog log, ConcurrentQueue<int>? groupSizes = null)
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.BeforeGroupWrite = async events =>
        {
            groupSizes?.Enqueue(events);
            if (taken.TrySetResult())
            {
                await release.Task;
            }
        };
        return (taken.Task, release.SetResult);
    }

    /// <summary>Starts <paramref name="callers"/> appends at the same moment, each from its own thread.</summary>
    private static async Task<(LogEvent[] Events, IReadOnlyList<AppendResult> Results)[]> RunTogetherAsync(
        int callers, Func<int, (LogEvent[] Events, Task<IReadOnlyList<AppendResult>> Append)> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            await start.Task;
            var (events, append) = call(caller);
            return (events, await append);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    protected static async Task<List<StoredEvent>> ReadAllAsync(IEventLog log) =>
        (await ReadPagesAsync((after, max) => log.ReadAsync(after, max, CancellationToken.None), 5_000)).SelectMany(page => page).ToList();

    private static async Task<List<IReadOnlyList<StoredEvent>>> ReadPagesAsync(
        Func<long, int, Task<IReadOnlyList<StoredEvent>>> read, int max)
    {
        var pages = new List<IReadOnlyList<StoredEvent>>();
        for (var after = 0L; ;)
        {
            var page = await read(after, max);
            if (page.Count == 0)
            {
                return pages;
            }

            pages.Add(page);
            after = page[^1].Position;
        }
    }

    private static void AssertIncreasing(IEnumerable<long> positions)
    {
        var list = positions.ToList();
        Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} is not below {pair.Second}."));
    }

    private static LogEvent Event(string eventId, string tenantId = "tenant-a") =>
        new(tenantId, eventId, $"conversation:{eventId}", s_time, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));

    private static LogEvent[] Events(string prefix, int count, string tenantId = "tenant-a") =>
        Enumerable.Range(0, count).Select(i => Event($"{prefix}-{i}", tenantId)).ToArray();

    /// <summary>About 300 bytes of JSON each, over ten tenants and many conversations, ids as senders make them.</summary>
    protected static LogEvent[] SmallEvents(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var conversation = $"c-{i % 5_000}";
            var json = $$"""{"type":"message","conversation":"{{conversation}}","role":"customer","text":"Hello, I need help with my invoice {{i}} please","sentiment":null,"channel":"web","locale":"en-US","agent":"ai","at":"{{s_time.AddMilliseconds(i):O}}","padding":"{{new string('x', 60)}}"}""";
            return new LogEvent($"tenant-{i % 10}", $"{prefix}-{Guid.NewGuid():N}", $"conversation:{conversation}", s_time.AddMilliseconds(i), Encoding.UTF8.GetBytes(json));
        }).ToArray();
}
