using ContactOS.Runtime;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Placement;
using ContactOS.Storage.State;
using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.State;

/// <summary>
/// Fencing of grain state in a cluster, on PostgreSQL: a silo whose view of the membership is older than the row's
/// writer, or which no longer owns the grain, or which was evicted, never overwrites what the grain's new owner
/// wrote; the new owner, which rebuilt the grain from snapshot and log, replaces what the old owner wrote late.
/// </summary>
public sealed class OwnerEpochFencingTests(PostgresFixture postgres) : StorageTestBase(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>
{
    private static readonly GrainId s_grain = new("tenantaggregator", "acme");

    [Fact]
    public async Task The_new_owner_replaces_a_late_write_of_the_old_one_and_the_old_one_then_writes_nothing()
    {
        var storage = await StartAsync();
        var oldOwner = Store(storage, new View(3), owns: true);
        var newOwner = Store(storage, new View(4), owns: true);

        var first = await oldOwner.WriteAsync(s_grain, "old-1"u8.ToArray(), null, 100, CancellationToken.None);
        var loadedByNewOwner = (await newOwner.ReadAsync(s_grain, CancellationToken.None))!.ETag;
        var late = await oldOwner.WriteAsync(s_grain, "old-2"u8.ToArray(), first, 200, CancellationToken.None);
        Assert.NotEqual(loadedByNewOwner, late);

        // The new owner's ETag is stale, but its view is newer: its write wins.
        var replaced = await newOwner.WriteAsync(s_grain, "new-1"u8.ToArray(), loadedByNewOwner, 300, CancellationToken.None);
        var lateAgain = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            oldOwner.WriteAsync(s_grain, "old-3"u8.ToArray(), replaced, 400, CancellationToken.None));

        Assert.Contains("newer view of the cluster membership", lateAgain.Message, StringComparison.Ordinal);
        var stored = await newOwner.ReadAsync(s_grain, CancellationToken.None);
        Assert.Equal("new-1"u8.ToArray(), stored!.Payload);
        Assert.Equal(300, stored.LogPosition);
    }

    [Fact]
    public async Task A_silo_storing_a_grain_that_moved_away_loses_to_the_owner_that_saw_the_same_membership()
    {
        var storage = await StartAsync();
        var version = new View(5);
        var movedAway = Store(storage, version, owns: false);
        var owner = Store(storage, version, owns: true);

        var etag = await owner.WriteAsync(s_grain, "owner-1"u8.ToArray(), null, 10, CancellationToken.None);
        await Assert.ThrowsAsync<InconsistentStateException>(() => movedAway.WriteAsync(s_grain, "moved"u8.ToArray(), etag, 20, CancellationToken.None));

        Assert.Equal("owner-1"u8.ToArray(), (await owner.ReadAsync(s_grain, CancellationToken.None))!.Payload);
    }

    [Fact]
    public async Task An_evicted_silo_writes_nothing_and_a_stale_etag_under_the_same_view_still_fails()
    {
        var storage = await StartAsync();
        var view = new View(2);
        var store = Store(storage, view, owns: true);
        var first = await store.WriteAsync(s_grain, "a"u8.ToArray(), null, 1, CancellationToken.None);
        await store.WriteAsync(s_grain, "b"u8.ToArray(), first, 2, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(s_grain, "stale"u8.ToArray(), first, 3, CancellationToken.None));
        view.IsEvicted = true;
        var evicted = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            store.WriteAsync(s_grain, "evicted"u8.ToArray(), null, 4, CancellationToken.None));

        Assert.Contains("declared this silo dead", evicted.Message, StringComparison.Ordinal);
        Assert.Equal("b"u8.ToArray(), (await store.ReadAsync(s_grain, CancellationToken.None))!.Payload);
    }

    private static AdoNetGrainStateStore Store(StorageHost storage, IClusterView view, bool owns) =>
        new(storage.Database, TimeProvider.System, view, new Placement(owns));

    private sealed class View(long version) : IClusterView
    {
        public MembershipSnapshot Current { get; } = new(version, DateTimeOffset.UtcNow, []);

        public ClusterMember? Local => null;

        public bool IsEvicted { get; set; }

        public event EventHandler<ClusterViewChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }
    }

    private sealed class Placement(bool owns) : IPlacementDirector
    {
        public bool IsLocal(GrainId grainId) => owns;
    }
}
