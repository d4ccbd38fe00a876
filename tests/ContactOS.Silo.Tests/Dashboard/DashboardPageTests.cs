using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Browser;
using ContactOS.Testing.SignalR;
using Microsoft.Playwright;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard as a user sees it: the page the silo serves at <c>/</c>, in a real headless Chromium, against the
/// real silo process. Screenshots of what the tests saw are kept in the test output (TestResults/screenshots).
/// </summary>
public sealed class DashboardPageTests(DashboardSilo silo) : IClassFixture<DashboardSilo>
{
    private static readonly TimeSpan s_liveBound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_demo_tenant_picked_on_the_sign_in_screen_sees_every_chart_drawn_with_data()
    {
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);

        // The sign-in screen lists the demo tenants once its request for them is answered.
        await page.Page.Locator("[data-testid^=signin-tenant-]").First.WaitForAsync();
        var offered = await page.Page.Locator("[data-testid^=signin-tenant-]").AllInnerTextsAsync();
        await page.SignInAsDemoTenantAsync("acme");
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsDrawnAsync();
        await page.Page.Locator("[data-testid=connection-indicator][data-state=live]").WaitForAsync();
        await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, "dashboard-light.png"));

        Assert.Equal(["Acme Telecom", "Iberia Seguros", "Kolkata Retail"], offered);
        Assert.Equal("Acme Telecom", await page.TenantNameAsync());
        Assert.True(await page.KpiNumberAsync("totalConversations") > 0, "The demo tenant shows no conversations in 30 days.");
        Assert.True(await page.Page.GetByTestId("agents-roster").Locator("li").CountAsync() > 0, "The demo tenant's agent roster is empty.");
    }

    [Fact]
    public async Task The_dark_theme_draws_every_chart_with_data_too()
    {
        var (page, context) = await silo.NewPageAsync(colorScheme: ColorScheme.Dark);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("iberia");
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsDrawnAsync();
        await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, "dashboard-dark.png"));

        var background = await page.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("Iberia Seguros", await page.TenantNameAsync());
        Assert.True(IsDark(background), $"The page background in the dark theme is {background}.");
    }

    [Fact]
    public async Task At_phone_width_the_page_does_not_scroll_sideways()
    {
        var (page, context) = await silo.NewPageAsync(width: 375, height: 812);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        var signInOverflow = await HorizontalOverflowAsync(page);
        await page.SignInAsDemoTenantAsync("kolkata");
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsDrawnAsync();
        await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, "dashboard-phone.png"));

        Assert.Equal(0, signInOverflow);
        Assert.Equal(0, await HorizontalOverflowAsync(page));
    }

    [Fact]
    public async Task An_event_sent_to_the_API_shows_in_the_KPI_within_a_second_without_a_reload()
    {
        var tenant = AuthSilo.NewTenant("live");
        var ingest = await silo.TokenAsync(tenant, "ingest");
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(await silo.TokenAsync(tenant, "viewer"));
        await page.WaitForKpiTextAsync("totalConversations", "0", s_settle);
        await page.Page.Locator("[data-testid=connection-indicator][data-state=live]").WaitForAsync();
        // Survives only as long as the document does: a reload would remove it.
        await page.Page.EvaluateAsync("window.__sameDocument = true");

        await silo.PostEventsAsync(ingest, [Started("c1", DateTimeOffset.UtcNow)]);
        var acknowledged = Stopwatch.StartNew();
        await page.WaitForKpiTextAsync("totalConversations", "1", TimeSpan.FromSeconds(5));
        var shownAfter = acknowledged.Elapsed;

        Assert.True(shownAfter < s_liveBound, $"The KPI showed the event {shownAfter.TotalMilliseconds:0} ms after it was acknowledged.");
        Assert.True(await page.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page reloaded.");
        Assert.Equal("1", await page.KpiTextAsync("active"));
    }

    [Fact]
    public async Task Switching_the_period_shows_the_figures_the_API_gives_for_it()
    {
        var tenant = AuthSilo.NewTenant("periods");
        var now = DateTimeOffset.UtcNow;
        var history = TrafficGenerator.Generate(new TrafficOptions
        {
            Seed = 41,
            TenantIds = [tenant],
            ConversationsPerTenant = 300,
            Start = now - TimeSpan.FromDays(89),
            End = now,
            DuplicateRatio = 0,
        });
        await silo.PostEventsAsync(await silo.TokenAsync(tenant, "ingest"), [.. history.Select(e => e.Event)]);
        var viewer = await silo.TokenAsync(tenant, "viewer");
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(viewer);

        foreach (var period in new[] { "7d", "90d", "today", "30d" })
        {
            await page.SelectPeriodAsync(period);
            var api = await silo.ExpectAsync(HttpMethod.Get, $"api/v2/analytics/kpis?period={period}", viewer);
            await AssertShowsAsync(page, period, api);
        }
    }

    [Fact]
    public async Task A_viewer_of_one_tenant_sees_nothing_of_another_in_the_page_or_on_the_hub()
    {
        var (mine, other) = (AuthSilo.NewTenant("mine"), AuthSilo.NewTenant("other"));
        var myViewer = await silo.TokenAsync(mine, "viewer");
        var otherIngest = await silo.TokenAsync(other, "ingest");
        await silo.PostEventsAsync(otherIngest, [Started("o1", DateTimeOffset.UtcNow), Started("o2", DateTimeOffset.UtcNow)]);
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(myViewer);
        await page.WaitForKpiTextAsync("totalConversations", "0", s_settle);
        await page.Page.Locator("[data-testid=connection-indicator][data-state=live]").WaitForAsync();
        await using var myHub = await LiveConnection.ConnectAsync(silo.BaseAddress, "hubs/analytics", myViewer);
        await using var otherHub = await LiveConnection.ConnectAsync(silo.BaseAddress, "hubs/analytics", await silo.TokenAsync(other, "viewer"));
        await myHub.InvokeAsync("Watch", "today");
        var mySnapshot = await myHub.NextAsync(TimeSpan.FromSeconds(5));
        await otherHub.InvokeAsync("Watch", "today");
        await otherHub.NextAsync(TimeSpan.FromSeconds(5));

        await silo.PostEventsAsync(otherIngest, [Started("o3", DateTimeOffset.UtcNow)]);
        // The other tenant's own dashboard gets its update: by then mine would have had one too, if it leaked.
        var otherUpdate = await otherHub.NextAsync(TimeSpan.FromSeconds(5));
        var leaked = await myHub.TryNextAsync(TimeSpan.FromMilliseconds(500));
        var html = await page.Page.ContentAsync();

        Assert.Equal(mine, mySnapshot.Payload.GetProperty("tenantId").GetString());
        Assert.Equal(0, mySnapshot.Payload.GetProperty("kpis").GetProperty("totalConversations").GetProperty("value").GetDouble());
        Assert.Equal(3, otherUpdate.Payload.GetProperty("kpis").GetProperty("totalConversations").GetProperty("value").GetDouble());
        Assert.Null(leaked);
        Assert.Equal(mine, await page.TenantNameAsync());
        Assert.Equal("0", await page.KpiTextAsync("totalConversations"));
        Assert.DoesNotContain(other, html, StringComparison.Ordinal);
    }

    private static ContactEvent Started(string conversationId, DateTimeOffset at) => new()
    {
        Id = $"start-{conversationId}",
        Type = EventTypes.ConversationStarted,
        Timestamp = at,
        ConversationId = conversationId,
        Channel = "web",
    };

    /// <summary>Waits (bounded) until all six KPIs show the API's values as the page rounds them; fails with both.</summary>
    private async Task AssertShowsAsync(DashboardPage page, string period, JsonElement api)
    {
        var watch = Stopwatch.StartNew();
        List<string> differences;
        do
        {
            differences = [];
            foreach (var kpi in DashboardPage.Kpis)
            {
                var expected = api.GetProperty(kpi).GetProperty("value");
                var shown = await page.KpiTextAsync(kpi);
                if (!Matches(kpi, expected, DashboardPage.ParseShown(shown)))
                {
                    differences.Add($"{kpi}: page '{shown}', API {expected.GetRawText()}");
                }
            }

            if (differences.Count == 0)
            {
                return;
            }

            await Task.Delay(50);
        }
        while (watch.Elapsed < s_settle);

        Assert.Fail($"Period {period}: the page does not show the API's figures after {s_settle.TotalSeconds} s:\n  " +
            string.Join("\n  ", differences) + $"\nSilo output (end):\n{silo.OutputTail}");
    }

    /// <summary>The page shows counts exactly, the rate in percent and satisfaction with one decimal; null as a dash.</summary>
    private static bool Matches(string kpi, JsonElement expected, double? shown)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            return shown is null;
        }

        var value = expected.GetDouble();
        return (kpi, shown) switch
        {
            (_, null) => false,
            ("aiResolutionRate", { } percent) => Math.Abs((value * 100) - percent) <= 0.05 + 1e-9,
            ("satisfaction", { } score) => Math.Abs(value - score) <= 0.05 + 1e-9,
            (_, { } count) => count == value,
        };
    }

    private static async Task<int> HorizontalOverflowAsync(DashboardPage page) =>
        await page.Page.EvaluateAsync<int>("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");

    /// <summary>"rgb(15, 23, 42)" is dark when its average channel is below the middle.</summary>
    private static bool IsDark(string cssColor)
    {
        var channels = cssColor[(cssColor.IndexOf('(', StringComparison.Ordinal) + 1)..cssColor.IndexOf(')', StringComparison.Ordinal)]
            .Split(',')
            .Take(3)
            .Select(c => double.Parse(c.Trim(), CultureInfo.InvariantCulture))
            .ToList();
        return channels.Average() < 128;
    }
}
