using System.Text;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Schema;

/// <summary>The schema is created by the program at start-up, once, however many silos start at the same moment.</summary>
public abstract class SchemaMigratorTests(StorageTarget target) : StorageTestBase(target)
{
    private static readonly GrainId s_grain = GrainId.Create("tenant", "acme");

    [Fact]
    public async Task ExecuteAsync_EmptyDatabase_AppliesEveryKnownVersionAndStoresWork()
    {
        var storage = await StartAsync();

        var applied = await storage.Migrator.ReadAppliedVersionsAsync(CancellationToken.None);

        Assert.Equal(OlderSchema.KnownVersions(storage), applied);
        var eTag = await storage.States.WriteAsync(s_grain, "{}", null);
        Assert.Equal(eTag, (await storage.States.ReadAsync(s_grain))!.Value.ETag);
    }

    [Fact]
    public async Task ExecuteAsync_RunTwice_KeepsSchemaVersionsAndData()
    {
        var storage = await StartAsync();
        await storage.States.WriteAsync(s_grain, "kept", null);

        await storage.MigrateAsync();

        Assert.Equal(OlderSchema.KnownVersions(storage), await storage.Migrator.ReadAppliedVersionsAsync(CancellationToken.None));
        Assert.Equal("kept", (await storage.States.ReadAsync(s_grain))!.Value.Value);
    }

    [Fact]
    public async Task ExecuteAsync_SeveralSilosStartingAtOnce_AllSucceedAndApplyEachVersionOnce()
    {
        var silos = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StartAsync(migrate: false)));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var migrations = silos.Select(silo => Task.Run(async () =>
        {
            await start.Task;
            await silo.MigrateAsync();
        })).ToList();
        start.SetResult();
        await Task.WhenAll(migrations);

        Assert.Equal(OlderSchema.KnownVersions(silos[0]), await silos[0].Migrator.ReadAppliedVersionsAsync(CancellationToken.None));
        var eTag = await silos[1].States.WriteAsync(s_grain, "{}", null);
        Assert.Equal(eTag, (await silos[0].States.ReadAsync(s_grain))!.Value.ETag);
    }

    /// <summary>
    /// Version 7 rebuilds the event log's unique constraint (its keys compare byte by byte); the writer tells a
    /// duplicate from a failure by that constraint, so events stored before the upgrade must still come back as
    /// duplicates, with their positions, after it.
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_EventLogWrittenAtVersion6_KeepsItsEventsAndReportsThemAsDuplicates()
    {
        var storage = await StartAsync(migrate: false);
        await OlderSchema.ApplyUpToAsync(storage, 6);
        var time = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var before = new LogEvent("tenant-a", "e-1", "conversation:c-1", time, "{}"u8.ToArray());
        await InsertAsOlderProgramAsync(storage, [before]);

        await storage.MigrateAsync();
        var appended = await storage.EventLog.AppendAsync(
            [before, before with { EventId = "e-2" }, before with { TenantId = "tenant-b" }], CancellationToken.None);

        Assert.Equal(OlderSchema.KnownVersions(storage), await storage.Migrator.ReadAppliedVersionsAsync(CancellationToken.None));
        var stored = await storage.EventLog.ReadAsync(0, 10, CancellationToken.None);
        Assert.Equal([("tenant-a", "e-1"), ("tenant-a", "e-2"), ("tenant-b", "e-1")], stored.Select(e => (e.TenantId, e.EventId)));
        Assert.Equal(new AppendResult(stored[0].Position, Duplicate: true), appended[0]);
        Assert.Equal([false, false], appended.Skip(1).Select(result => result.Duplicate));
    }

    /// <summary>
    /// Version 8 rebuilds SQLite's event log so that positions come from the writer rather than AUTOINCREMENT: events
    /// stored before keep their positions, and the highest position handed out before the upgrade is not handed out
    /// again even though its row was deleted.
    /// </summary>
    [Fact]
    public async Task ExecuteAsync_EventLogWrittenAtVersion7_KeepsPositionsAndNeverHandsOutAnEarlierOneAgain()
    {
        var storage = await StartAsync(migrate: false);
        await OlderSchema.ApplyUpToAsync(storage, 7);
        var time = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        LogEvent Event(string id) => new("tenant-a", id, "conversation:c-1", time, Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"));
        await InsertAsOlderProgramAsync(storage, [Event("e-1"), Event("e-2"), Event("e-3")]);
        var before = await storage.EventLog.ReadAsync(0, 10, CancellationToken.None);
        await storage.Database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM contactos_event_log WHERE position = {before[^1].Position}";
            await command.ExecuteNonQueryAsync();
        }, CancellationToken.None);

        await storage.MigrateAsync();
        var appended = await storage.EventLog.AppendAsync([Event("e-1"), Event("e-4")], CancellationToken.None);

        var after = await storage.EventLog.ReadAsync(0, 10, CancellationToken.None);
        Assert.Equal(
            before.Take(2).Select(e => (e.Position, e.EventId, e.RoutingKey, e.EventTime, Encoding.UTF8.GetString(e.Payload))),
            after.Take(2).Select(e => (e.Position, e.EventId, e.RoutingKey, e.EventTime, Encoding.UTF8.GetString(e.Payload))));
        Assert.Equal(new AppendResult(before[0].Position, Duplicate: true), appended[0]);
        Assert.False(appended[1].Duplicate);
        Assert.True(appended[1].Position > before[^1].Position, $"position {appended[1].Position} was handed out before the upgrade");
        Assert.Equal(["e-1", "e-2", "e-4"], after.Select(e => e.EventId));
    }

    /// <summary>Stores events the way programs before schema version 8 did: the database chose the positions.</summary>
    private static Task InsertAsOlderProgramAsync(StorageHost storage, IEnumerable<LogEvent> events) =>
        storage.Database.RunAsync(async connection =>
        {
            foreach (var logEvent in events)
            {
                await using var command = connection.CreateCommand();
                command.CommandText =
                    """
                    INSERT INTO contactos_event_log (tenant_id, event_id, routing_key, event_time, received_at, payload)
                    VALUES (@tenant_id, @event_id, @routing_key, @event_time, @event_time, @payload)
                    """;
                command.AddParameter("tenant_id", logEvent.TenantId);
                command.AddParameter("event_id", logEvent.EventId);
                command.AddParameter("routing_key", logEvent.RoutingKey);
                command.AddParameter("event_time", logEvent.EventTime.UtcDateTime);
                command.AddParameter("payload", logEvent.Payload);
                await command.ExecuteNonQueryAsync();
            }
        }, CancellationToken.None);
}
