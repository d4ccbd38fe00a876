using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>
/// Orleans' ADO.NET reminder provider on our schema, with real silos: reminders survive a silo restart, and the
/// provider's reads and writes keep the contract the reminder service relies on. Run once per database engine.
/// </summary>
public abstract class OrleansReminderTests(StorageTarget target) : IAsyncLifetime
{
    private static readonly TimeSpan s_period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_firing = TimeSpan.FromSeconds(20);

    private readonly string _serviceId = $"reminders-{Guid.NewGuid():N}";
    private readonly List<OrleansSilo> _silos = [];
    private OrleansTestDatabase? _database;

    private OrleansTestDatabase Database => _database ?? throw new InvalidOperationException("Created in InitializeAsync.");

    [Fact]
    public async Task RegisteredReminder_FiresAgainInANewSiloWithoutBeingRegisteredAgain_AndUnregisteringRemovesIt()
    {
        var first = await StartSiloAsync();
        var grain = first.Grains.GetGrain<IReminderProbeGrain>("nightly-rollup");
        await grain.RegisterAsync("rollup", TimeSpan.FromMilliseconds(100), s_period);
        await Eventually.TrueAsync(() => Fired(first) >= 1, "the reminder fired in the first silo", s_firing);
        await first.StopAsync();

        var second = await StartSiloAsync();
        await Eventually.TrueAsync(() => Fired(second) >= 1, "the reminder fired in the silo started afterwards", s_firing);

        var table = second.Services.GetRequiredService<IReminderTable>();
        var grainId = grain.GetGrainId();
        var stored = await table.ReadRow(grainId, "rollup");
        Assert.NotNull(stored);
        Assert.Equal(s_period, stored.Period);
        Assert.Equal(DateTimeKind.Utc, stored.StartAt.Kind);

        await second.Grains.GetGrain<IReminderProbeGrain>("nightly-rollup").UnregisterAsync("rollup");

        Assert.Null(await table.ReadRow(grainId, "rollup"));
        Assert.Empty((await table.ReadRows(grainId)).Reminders);

        int Fired(OrleansSilo silo) => silo.Services.GetRequiredService<ReminderFireLog>().Count("nightly-rollup", "rollup");
    }

    [Fact]
    public async Task ReminderTable_UpsertReadAndDelete_KeepScheduleAndCheckETags()
    {
        var silo = await StartSiloAsync();
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("rollup", "acme");
        var startAt = new DateTime(2031, 1, 5, 9, 30, 15, 250, DateTimeKind.Utc);

        var first = await table.UpsertRow(Entry(grainId, "hourly", startAt, TimeSpan.FromHours(1)));
        var second = await table.UpsertRow(Entry(grainId, "hourly", startAt.AddHours(1), TimeSpan.FromHours(2)));
        // Longer than int.MaxValue milliseconds: the provider then passes the period as a 64-bit number.
        var yearly = await table.UpsertRow(Entry(grainId, "yearly", startAt, TimeSpan.FromDays(365)));

        Assert.NotEqual(first, second);
        var hourly = await table.ReadRow(grainId, "hourly");
        Assert.NotNull(hourly);
        Assert.Equal((startAt.AddHours(1), TimeSpan.FromHours(2), second), (hourly.StartAt, hourly.Period, hourly.ETag));
        Assert.Equal(DateTimeKind.Utc, hourly.StartAt.Kind);
        Assert.Equal(
            ["hourly", "yearly"],
            (await table.ReadRows(grainId)).Reminders.Select(entry => entry.ReminderName).Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromDays(365), (await table.ReadRow(grainId, "yearly"))!.Period);

        Assert.False(await table.RemoveRow(grainId, "hourly", first!));
        Assert.True(await table.RemoveRow(grainId, "hourly", second!));
        Assert.False(await table.RemoveRow(grainId, "hourly", second!));
        Assert.Null(await table.ReadRow(grainId, "hourly"));
        Assert.True(await table.RemoveRow(grainId, "yearly", yearly!));
    }

    [Fact]
    public async Task ReminderTable_ReadRowsOfARingRange_ReturnsTheRemindersOfGrainsInThatRange()
    {
        var silo = await StartSiloAsync();
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("rollup", $"tenant-{i}")).ToList();
        var startAt = DateTime.UtcNow.AddDays(1);
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "daily", startAt, TimeSpan.FromDays(1)));
        }

        // The provider picks its query by comparing the ends as signed numbers; cover both queries with ranges that
        // wrap and that do not, either way.
        (uint Begin, uint End)[] ranges =
        [
            (0x1000_0000u, 0x6000_0000u), // no wrap
            (0x1000_0000u, 0xA000_0000u), // no wrap as unsigned, wraps as signed
            (0xC000_0000u, 0x3000_0000u), // wraps as unsigned, not as signed
            (0x6000_0000u, 0x2000_0000u), // wraps both ways
            (0xE000_0000u, 0xB000_0000u), // wraps both ways, both ends negative as signed
            (0x4000_0000u, 0x4000_0000u), // the whole ring (a lone silo's range)
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains
                .Where(grain => InRange(grain.GetUniformHashCode(), begin, end))
                .Select(grain => grain.ToString())
                .Order(StringComparer.Ordinal)
                .ToList();
            var read = (await table.ReadRows(begin, end)).Reminders
                .Select(entry => entry.GrainId.ToString())
                .Order(StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, read);
        }
    }

    // Orleans' ring ranges are (begin, end] on the unsigned 32-bit ring; begin == end is the whole ring.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grainId, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = startAt, Period = period };

    private async Task<OrleansSilo> StartSiloAsync()
    {
        var silo = await OrleansSilo.StartAsync(builder => builder
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next(), serviceId: _serviceId, clusterId: _serviceId)
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = Database.Invariant;
                options.ConnectionString = Database.ConnectionString;
            })
            .Configure<ReminderOptions>(options =>
            {
                // Second-scale reminders, and a new silo reads the table within a second instead of half a minute.
                options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500);
                options.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            }));
        _silos.Add(silo);
        return silo;
    }

    public async Task InitializeAsync() => _database = await OrleansTestDatabase.CreateAsync(target);

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await target.DisposeAsync();
    }
}
