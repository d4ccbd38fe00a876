using ContactOS.Runtime;
using ContactOS.Runtime.Reminders;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Reminders;

/// <summary>What every <see cref="IReminderTable"/> must do, run once per database engine.</summary>
public abstract class ReminderTableTests(StorageTarget target) : StorageTestBase(target)
{
    private static readonly GrainId s_tenant = new("tenant", "acme");
    private static readonly GrainId s_otherTenant = new("tenant", "globex");
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_UnknownReminder_ReturnsNull()
    {
        var storage = await StartAsync();

        Assert.Null(await storage.Reminders.ReadAsync(s_tenant, "rollup", CancellationToken.None));
        Assert.Empty(await storage.Reminders.ReadAsync(s_tenant, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_NewReminder_ReadsBackSameScheduleAndETag()
    {
        var storage = await StartAsync();
        // A local offset on the way in must come back as the same instant.
        var start = s_start.ToOffset(TimeSpan.FromHours(-5));

        var eTag = await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", start, TimeSpan.FromMinutes(5)), CancellationToken.None);
        var stored = await storage.Reminders.ReadAsync(s_tenant, "rollup", CancellationToken.None);

        Assert.Equal(new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(5), eTag), stored);
        Assert.Equal(TimeSpan.Zero, stored!.StartAt.Offset);
    }

    [Fact]
    public async Task UpsertAsync_ExistingReminder_ReplacesScheduleAndChangesETag()
    {
        var storage = await StartAsync();
        var first = await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(5)), CancellationToken.None);

        var second = await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start.AddHours(1), TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.NotEqual(first, second);
        var stored = await storage.Reminders.ReadAsync(s_tenant, "rollup", CancellationToken.None);
        Assert.Equal(new ReminderEntry(s_tenant, "rollup", s_start.AddHours(1), TimeSpan.FromHours(1), second), stored);
    }

    [Fact]
    public async Task ReadAsync_ByGrain_ReturnsOnlyThatGrainsRemindersAndReadAllReturnsEveryGrains()
    {
        var storage = await StartAsync();
        await storage.Reminders.UpsertAsync(new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await storage.Reminders.UpsertAsync(new ReminderEntry(s_tenant, "anomalies", s_start, TimeSpan.FromMinutes(10)), CancellationToken.None);
        await storage.Reminders.UpsertAsync(new ReminderEntry(s_otherTenant, "rollup", s_start, TimeSpan.FromMinutes(1)), CancellationToken.None);

        var acme = await storage.Reminders.ReadAsync(s_tenant, CancellationToken.None);
        var all = await storage.Reminders.ReadAllAsync(CancellationToken.None);

        Assert.Equal(["anomalies", "rollup"], acme.Select(entry => entry.Name).Order());
        Assert.All(acme, entry => Assert.Equal(s_tenant, entry.GrainId));
        Assert.Equal(
            [(s_tenant, "anomalies"), (s_tenant, "rollup"), (s_otherTenant, "rollup")],
            all.Select(entry => (entry.GrainId, entry.Name)).OrderBy(entry => entry.GrainId.Key).ThenBy(entry => entry.Name));
    }

    [Fact]
    public async Task RemoveAsync_CurrentETag_RemovesReminderAndReturnsTrue()
    {
        var storage = await StartAsync();
        var eTag = await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.True(await storage.Reminders.RemoveAsync(s_tenant, "rollup", eTag, CancellationToken.None));
        Assert.Null(await storage.Reminders.ReadAsync(s_tenant, "rollup", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_StaleETag_ReturnsFalseAndKeepsReminder()
    {
        var storage = await StartAsync();
        var stale = await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await storage.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.False(await storage.Reminders.RemoveAsync(s_tenant, "rollup", stale, CancellationToken.None));
        Assert.False(await storage.Reminders.RemoveAsync(s_tenant, "rollup", "not-an-etag", CancellationToken.None));
        Assert.NotNull(await storage.Reminders.ReadAsync(s_tenant, "rollup", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_UnknownReminder_ReturnsFalse()
    {
        var storage = await StartAsync();

        Assert.False(await storage.Reminders.RemoveAsync(s_tenant, "rollup", "1", CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_AfterRestart_AreReadByNewTable()
    {
        var before = await StartAsync();
        var eTag = await before.Reminders.UpsertAsync(
            new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await before.DisposeAsync();

        var after = await StartAsync();

        Assert.Equal(
            [new ReminderEntry(s_tenant, "rollup", s_start, TimeSpan.FromMinutes(1), eTag)],
            await after.Reminders.ReadAllAsync(CancellationToken.None));
    }
}
