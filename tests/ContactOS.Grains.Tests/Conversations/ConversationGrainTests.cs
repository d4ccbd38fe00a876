using ContactOS.Analytics.Conversations;
using ContactOS.Analytics.Events;
using ContactOS.Grains.Conversations;
using ContactOS.Grains.Tenants;
using ContactOS.Runtime.Persistence;
using ContactOS.Testing.InMemory;
using ContactOS.Testing.Silos;
using ContactOS.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Grains.Tests.Conversations;

public sealed class ConversationGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_nine = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(new FakeTimeProvider(), services =>
    {
        services.AddSingleton<IGrainStateStore>(new InMemoryGrainStateStore());
        services.AddContactOSGrains();
    });

    public Task DisposeAsync() => _silo.StopAsync();

    private TenantChangeBatcher Batcher => _silo.Services.GetRequiredService<TenantChangeBatcher>();

    private Task Send(string tenant, string conversation, params TimelineEntry[] entries)
        => _silo.Grains.GetGrain<IConversationGrain>(GrainKeys.ForTenant(tenant, conversation)).Apply(entries, "UTC");

    private static TimelineEntry At(int minutes, long arrival, string type, string? value = null, int? sentiment = null)
        => new(s_nine.AddMinutes(minutes), arrival, type, value, sentiment);

    private async Task<TenantTotals> TotalsAsync(string tenant, int hours = 2)
    {
        await Batcher.FlushAsync();
        return await _silo.Grains.GetGrain<ITenantAggregatorGrain>(tenant).GetTotals([new HourRange(s_nine, s_nine.AddHours(hours))]);
    }

    [Fact]
    public async Task Conversations_reach_their_tenant_counters_through_the_batcher_in_any_arrival_order()
    {
        await Send("acme", "c1", At(30, 2, EventTypes.ConversationResolved, "ai"));
        await Send("acme", "c2", At(5, 3, EventTypes.ConversationStarted), At(6, 4, EventTypes.HandoffRequested, "billing"));
        await Send("acme", "c1", At(1, 5, EventTypes.ConversationStarted), At(2, 6, EventTypes.Message, sentiment: 5));

        var totals = await TotalsAsync("acme");

        var hour = Assert.Single(totals.Ranges);
        Assert.Equal((2, 1, 0), (hour.Started, hour.AiResolved, hour.HumanResolved));
        Assert.Equal(1, hour.Handoffs[EventVocabulary.HandoffReasons.ToList().IndexOf("billing")]);
        Assert.Equal((0, 1), (totals.Active, totals.Pending));
        Assert.Equal(ConversationStatus.Resolved, await _silo.Grains.GetGrain<IConversationGrain>("acme/c1").GetStatus());
    }

    [Fact]
    public async Task Tenants_never_share_counters()
    {
        await Send("acme", "c1", At(0, 1, EventTypes.ConversationStarted));
        await Send("globex", "c1", At(0, 2, EventTypes.ConversationStarted), At(1, 3, EventTypes.ConversationResolved, "ai"));

        var acme = await TotalsAsync("acme");
        var globex = await TotalsAsync("globex");

        Assert.Equal((1, 0), (acme.Ranges[0].Started, acme.Ranges[0].AiResolved));
        Assert.Equal((1, 1), (globex.Ranges[0].Started, globex.Ranges[0].AiResolved));
        Assert.Equal((1, 0), (acme.Active, globex.Active));
    }

    [Fact]
    public async Task Five_hundred_conversations_started_concurrently_are_each_counted_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Send("busy", "c" + i, At(i % 60, i, EventTypes.ConversationStarted))));

        var totals = await TotalsAsync("busy");

        Assert.Equal(500, totals.Ranges[0].Started);
        Assert.Equal(500, totals.Active);
    }

    [Fact]
    public async Task A_flush_returns_only_after_every_earlier_flush_was_applied()
    {
        await Send("flush", "c1", At(0, 1, EventTypes.ConversationStarted));
        var first = Batcher.FlushAsync();
        var second = Batcher.FlushAsync();

        await second;

        Assert.True(first.IsCompleted);
        var totals = await _silo.Grains.GetGrain<ITenantAggregatorGrain>("flush").GetTotals([new HourRange(s_nine, s_nine.AddHours(1))]);
        Assert.Equal(1, totals.Ranges[0].Started);
    }
}
