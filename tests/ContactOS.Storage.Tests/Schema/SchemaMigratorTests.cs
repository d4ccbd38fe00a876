using ContactOS.Runtime;
using ContactOS.Storage.Schema;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Schema;

/// <summary>The schema is created by the program at start-up, once, however many silos start at the same moment.</summary>
public abstract class SchemaMigratorTests(StorageTarget target) : StorageTestBase(target)
{
    private static readonly GrainId s_grain = new("tenant", "acme");

    [Fact]
    public async Task ExecuteAsync_EmptyDatabase_AppliesEveryKnownVersionAndStoresWork()
    {
        var storage = await StartAsync();

        var applied = await storage.Migrator.ReadAppliedVersionsAsync(CancellationToken.None);

        Assert.Equal(KnownVersions(storage), applied);
        var eTag = await storage.States.WriteAsync(s_grain, "{}"u8.ToArray(), null, null, CancellationToken.None);
        Assert.Equal(eTag, (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task ExecuteAsync_RunTwice_KeepsSchemaVersionsAndData()
    {
        var storage = await StartAsync();
        await storage.States.WriteAsync(s_grain, "kept"u8.ToArray(), null, null, CancellationToken.None);

        await storage.MigrateAsync();

        Assert.Equal(KnownVersions(storage), await storage.Migrator.ReadAppliedVersionsAsync(CancellationToken.None));
        Assert.Equal("kept"u8.ToArray(), (await storage.States.ReadAsync(s_grain, CancellationToken.None))!.Payload);
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

        Assert.Equal(KnownVersions(silos[0]), await silos[0].Migrator.ReadAppliedVersionsAsync(CancellationToken.None));
        var eTag = await silos[1].States.WriteAsync(s_grain, "{}"u8.ToArray(), null, null, CancellationToken.None);
        Assert.Equal(eTag, (await silos[0].States.ReadAsync(s_grain, CancellationToken.None))!.ETag);
    }

    /// <summary>
    /// Every version this program carries a script for. Branches add versions out of order (a version number is
    /// reserved per feature), so the applied list need not be 1..latest without gaps.
    /// </summary>
    private static IEnumerable<int> KnownVersions(StorageHost storage) =>
        SchemaScripts.Load(storage.Database.SchemaFolder).Select(script => script.Version);
}
