using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.Membership;
using ContactOS.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Cluster.Tests.Membership;

/// <summary>The membership table's compare-and-swap and heartbeat fence on a real PostgreSQL, one schema per test.</summary>
public sealed class PostgresMembershipTableTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan s_deathTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fresh_schema_has_an_empty_membership_at_version_0()
    {
        await using var storage = await StartAsync();

        var snapshot = await storage.Table.ReadAsync(CancellationToken.None);

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Members);
        Assert.InRange(snapshot.ReadAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Of_two_changes_made_from_the_same_version_exactly_one_is_applied()
    {
        await using var storage = await StartAsync();
        var seen = await storage.Table.ReadAsync(CancellationToken.None);
        var first = MembershipRules.Join(seen, "10.0.0.1:5080", "one", SiloRoles.Both, s_deathTimeout);
        var second = MembershipRules.Join(seen, "10.0.0.2:5080", "two", SiloRoles.Worker, s_deathTimeout);

        var results = await Task.WhenAll(
            storage.Table.TryUpdateAsync(seen.Version, [first], CancellationToken.None),
            storage.Table.TryUpdateAsync(seen.Version, [second], CancellationToken.None));

        Assert.Single(results, version => version == 1);
        Assert.Single(results, version => version is null);
        var after = await storage.Table.ReadAsync(CancellationToken.None);
        Assert.Equal(1, after.Version);
        var joined = Assert.Single(after.Members);
        Assert.Equal(results[0] is null ? second.Next : first.Next, joined);
    }

    [Fact]
    public async Task A_heartbeat_moves_the_row_but_not_the_version_and_fails_once_the_row_is_dead()
    {
        await using var storage = await StartAsync();
        var self = await JoinAsync(storage.Table, "10.0.0.1:5080");

        Assert.True(await storage.Table.HeartbeatAsync(self.Address, self.Epoch, CancellationToken.None));
        var afterHeartbeat = await storage.Table.ReadAsync(CancellationToken.None);
        Assert.Equal(self.Epoch, afterHeartbeat.Version);
        Assert.True(afterHeartbeat.Find(self.Address)!.HeartbeatAt > self.HeartbeatAt);
        Assert.False(await storage.Table.HeartbeatAsync(self.Address, self.Epoch - 1, CancellationToken.None));

        var row = afterHeartbeat.Find(self.Address)!;
        Assert.NotNull(await storage.Table.TryUpdateAsync(afterHeartbeat.Version, [new MemberUpdate(row, row with { Status = MemberStatus.Dead })], CancellationToken.None));

        Assert.False(await storage.Table.HeartbeatAsync(self.Address, self.Epoch, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_based_on_a_row_that_heartbeat_since_is_refused_and_rolled_back()
    {
        await using var storage = await StartAsync();
        var self = await JoinAsync(storage.Table, "10.0.0.1:5080");
        var seen = await storage.Table.ReadAsync(CancellationToken.None);
        var row = seen.Find(self.Address)!;

        // The silo is alive after all: its heartbeat lands between another silo's read and its write.
        Assert.True(await storage.Table.HeartbeatAsync(self.Address, self.Epoch, CancellationToken.None));
        var declareDead = new MemberUpdate(row, row with { Status = MemberStatus.Dead });

        Assert.Null(await storage.Table.TryUpdateAsync(seen.Version, [declareDead], CancellationToken.None));
        var after = await storage.Table.ReadAsync(CancellationToken.None);
        Assert.Equal(seen.Version, after.Version);
        Assert.Equal(MemberStatus.Active, after.Find(self.Address)!.Status);
    }

    [Fact]
    public async Task Rows_of_silos_gone_for_longer_than_the_retention_are_deleted_and_nothing_else_changes()
    {
        await using var storage = await StartAsync();
        foreach (var address in new[] { "10.0.0.1:11111", "10.0.0.2:11111", "10.0.0.3:11111", "10.0.0.4:11111" })
        {
            await JoinAsync(storage.Table, address);
        }

        var seen = await storage.Table.ReadAsync(CancellationToken.None);
        var left = seen.Find("10.0.0.2:11111")!;
        var dead = seen.Find("10.0.0.3:11111")!;
        var recent = seen.Find("10.0.0.4:11111")!;
        Assert.NotNull(await storage.Table.TryUpdateAsync(seen.Version, [
            new MemberUpdate(left, left with { Status = MemberStatus.Left }),
            new MemberUpdate(dead, dead with { Status = MemberStatus.Dead }),
            new MemberUpdate(recent, recent with { Status = MemberStatus.Left })], CancellationToken.None));
        // Two days of silence for the first three (one still active), an hour for the last.
        await storage.ExecuteAsync(
            "UPDATE contactos_membership SET heartbeat_at = clock_timestamp() - interval '2 days' WHERE address <> '10.0.0.4:11111';" +
            "UPDATE contactos_membership SET heartbeat_at = clock_timestamp() - interval '1 hour' WHERE address = '10.0.0.4:11111'");
        var before = await storage.Table.ReadAsync(CancellationToken.None);

        var deleted = await storage.Table.DeleteDefunctAsync(TimeSpan.FromDays(1), CancellationToken.None);

        var after = await storage.Table.ReadAsync(CancellationToken.None);
        Assert.Equal(2, deleted);
        Assert.Equal(["10.0.0.1:11111", "10.0.0.4:11111"], after.Members.Select(m => m.Address));
        Assert.Equal(MemberStatus.Active, after.Find("10.0.0.1:11111")!.Status);
        Assert.Equal(before.Version, after.Version);
    }

    private static async Task<ClusterMember> JoinAsync(IMembershipTable table, string address)
    {
        var seen = await table.ReadAsync(CancellationToken.None);
        var join = MembershipRules.Join(seen, address, "silo", SiloRoles.Both, s_deathTimeout);
        Assert.NotNull(await table.TryUpdateAsync(seen.Version, [join], CancellationToken.None));
        return join.Next;
    }

    private async Task<MigratedStorage> StartAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = await postgres.CreateSchemaAsync(),
        }).Build();
        var services = new ServiceCollection().AddContactOSStorage(configuration.GetSection("Storage")).BuildServiceProvider();
        foreach (var task in services.GetServices<ISiloStartupTask>())
        {
            await task.ExecuteAsync(CancellationToken.None);
        }

        return new MigratedStorage(services, new PostgresMembershipTable(services.GetRequiredService<StorageDatabase>()));
    }
}
