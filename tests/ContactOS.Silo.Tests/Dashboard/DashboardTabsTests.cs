using ContactOS.Analytics.Events;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.Browser;
using Microsoft.Playwright;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// The analytics page's Operations, Quality and Costs tabs, in a real headless Chromium against the real silo with its
/// demo tenants' history: every chart drawn with data, every table with rows, in English and Spanish, on a phone, live,
/// and the tab kept in the URL. The screenshots they take are the tabs' ones in docs/screenshots.
/// </summary>
public sealed class DashboardTabsTests(DashboardSilo silo) : IClassFixture<DashboardSilo>
{
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(15);

    public static TheoryData<string> ReportTabs => ["operations", "quality", "costs"];

    [Theory]
    [MemberData(nameof(ReportTabs))]
    public async Task Each_tab_draws_every_chart_with_data_and_fills_every_table(string tab)
    {
        var (page, context) = await silo.NewPageAsync(width: 1440, height: 1000);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.SelectPeriodAsync("30d");
        await page.OpenTabAsync(tab);
        await page.WaitForChartsWithDataAsync(DashboardPage.TabCharts[tab]);
        // The first drawing of a chart that follows a fetch is not animated; one after a period change may be.
        await page.Page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, $"tab-{tab}.png"));

        foreach (var table in DashboardPage.TabTables[tab])
        {
            Assert.True(await page.TableRowCountAsync(table) > 0, $"The {tab} tab's {table} has no rows.");
        }

        Assert.Equal(tab, await page.SelectedTabAsync());
        Assert.Equal($"?tab={tab}", new Uri(page.Page.Url).Query);
        Assert.Equal(0, await page.Page.GetByTestId("panel-empty").CountAsync());
        if (tab == "operations")
        {
            Assert.Equal(4, await page.TableRowCountAsync("table-response-times"));
            Assert.True(await page.Page.GetByTestId("agents-roster").Locator("li").CountAsync() > 0, "The Operations tab has no roster.");
        }
    }

    [Fact]
    public async Task The_Quality_tab_speaks_Spanish_to_the_Spanish_tenant_and_English_after_the_toggle()
    {
        var (page, context) = await silo.NewPageAsync(width: 1440, height: 1000);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("iberia");
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'es'");
        await page.SelectPeriodAsync("30d");
        await page.OpenTabAsync("quality");
        await page.WaitForChartsWithDataAsync(DashboardPage.TabCharts["quality"]);
        await page.Page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, "tab-quality-spanish.png"));
        var spanish = await page.Page.Locator("main").InnerTextAsync();
        var spanishTab = await page.Page.GetByTestId("tab-quality").InnerTextAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "View in English" }).ClickAsync();
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await page.WaitForChartsWithDataAsync(DashboardPage.TabCharts["quality"]);
        var english = await page.Page.Locator("main").InnerTextAsync();

        Assert.Equal("Calidad", spanishTab.Trim());
        Assert.Contains("Resolución en el primer contacto", spanish, StringComparison.Ordinal);
        Assert.Contains("Abandono por última intención", spanish, StringComparison.Ordinal);
        Assert.Contains("Confianza de las intenciones", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant", spanish, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("traspaso", spanish, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("First-contact resolution", english, StringComparison.Ordinal);
        Assert.Contains("Drop-off by last intent", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Resolución en el primer contacto", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_phone_width_no_tab_scrolls_sideways_and_wide_tables_scroll_in_their_box()
    {
        var (page, context) = await silo.NewPageAsync(width: 375, height: 812);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("kolkata");
        await page.SelectPeriodAsync("30d");
        var overflow = new Dictionary<string, int>();
        foreach (var tab in DashboardPage.TabCharts.Keys)
        {
            await page.OpenTabAsync(tab);
            await page.WaitForChartsWithDataAsync(DashboardPage.TabCharts[tab]);
            await page.Page.WaitForTimeoutAsync(400);
            overflow[tab] = await page.HorizontalOverflowAsync();
            await page.ScreenshotAsync(Path.Combine(DashboardSilo.ScreenshotDirectory, $"tab-{tab}-phone.png"));
        }

        // The tools table is wider than a phone: it scrolls inside its own box, which stays within the page.
        await page.OpenTabAsync("quality");
        var tools = page.Page.GetByTestId("table-tools");
        await tools.WaitForAsync();
        var box = await tools.EvaluateAsync<double[]>(
            "table => { const box = table.parentElement; return [box.scrollWidth, box.clientWidth, box.getBoundingClientRect().right]; }");

        Assert.All(overflow, entry => Assert.True(entry.Value == 0, $"At 375 px the {entry.Key} tab scrolls {entry.Value} px sideways."));
        Assert.True(box[0] > box[1], $"The tools table ({box[0]} px) fits its {box[1]} px box: the test expects one that scrolls.");
        Assert.True(box[2] <= 375, $"The tools table's box ends at {box[2]} px, past the 375 px page.");
    }

    [Fact]
    public async Task The_tab_is_in_the_URL_so_reload_back_forward_and_the_arrow_keys_keep_to_it()
    {
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.OpenTabAsync("quality");

        await page.Page.ReloadAsync();
        await page.WaitForDashboardAsync();
        var afterReload = await page.SelectedTabAsync();
        // A reload opens on today, which may have just begun: the charts are judged over 30 days.
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsWithDataAsync(DashboardPage.TabCharts["quality"]);
        await page.OpenTabAsync("costs");
        await page.Page.GoBackAsync();
        var afterBack = await page.SelectedTabAsync();
        await page.Page.GoForwardAsync();
        var afterForward = await page.SelectedTabAsync();
        await page.Page.GetByTestId("tab-costs").FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        var afterArrow = await page.SelectedTabAsync();
        var focused = await page.Page.EvaluateAsync<string?>("document.activeElement?.dataset.testid ?? null");
        await page.Page.Keyboard.PressAsync("End");
        var afterEnd = await page.SelectedTabAsync();

        Assert.Equal("quality", afterReload);
        Assert.Equal("quality", afterBack);
        Assert.Equal("costs", afterForward);
        Assert.Equal("overview", afterArrow);
        Assert.Equal("tab-overview", focused);
        Assert.Equal("costs", afterEnd);
        Assert.Equal("?tab=costs", new Uri(page.Page.Url).Query);
    }

    [Fact]
    public async Task An_event_sent_to_the_API_shows_in_the_open_tab_without_a_reload()
    {
        var tenant = AuthSilo.NewTenant("tabs-live");
        var ingest = await silo.TokenAsync(tenant, "ingest");
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(await silo.TokenAsync(tenant, "viewer"));
        // A week, not today: the events are seconds old, and today may have begun after them.
        await page.SelectPeriodAsync("7d");
        await page.OpenTabAsync("operations");
        var empty = page.Page.GetByTestId("panel-response-times").GetByTestId("panel-empty");
        await empty.WaitForAsync(new() { Timeout = (float)s_settle.TotalMilliseconds });
        await page.Page.Locator("[data-testid=connection-indicator][data-state=live]").WaitForAsync();
        await page.Page.EvaluateAsync("window.__sameDocument = true");

        var now = DateTimeOffset.UtcNow;
        await silo.PostEventsAsync(ingest,
        [
            Event("start", EventTypes.ConversationStarted, now.AddSeconds(-50)) with { Channel = "web" },
            Event("ask", EventTypes.Message, now.AddSeconds(-40)) with { Role = "customer", Text = "Where is my order?" },
            Event("answer", EventTypes.Message, now.AddSeconds(-37)) with { Role = "ai", Text = "It ships today." },
        ]);
        await page.WaitForChartsWithDataAsync(["chart-response-times"], s_settle);
        var firstRow = await page.Page.GetByTestId("table-response-times").Locator("tbody tr").First.Locator("td").AllInnerTextsAsync();

        Assert.True(await page.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page reloaded.");
        Assert.Equal("1", firstRow[0]);
        Assert.Equal("3 sec", firstRow[1]);
    }

    [Fact]
    public async Task The_Costs_tab_says_which_settings_are_not_set_and_shows_money_in_the_default_currency()
    {
        var tenant = AuthSilo.NewTenant("tabs-costs");
        var now = DateTimeOffset.UtcNow;
        await silo.PostEventsAsync(await silo.TokenAsync(tenant, "ingest"),
        [
            Event("start", EventTypes.ConversationStarted, now.AddSeconds(-60)) with { Channel = "web" },
            Event("reply", EventTypes.Message, now.AddSeconds(-50)) with { Role = "ai", Text = "Hello", Tokens = 500, Cost = 0.25m, Model = "gpt-4o-mini" },
            Event("resolved", EventTypes.ConversationResolved, now.AddSeconds(-40)) with { By = "ai" },
        ]);
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(await silo.TokenAsync(tenant, "viewer"));
        await page.SelectPeriodAsync("7d");
        await page.OpenTabAsync("costs");
        await page.WaitForChartsWithDataAsync(["chart-model-spend", "chart-budget"]);

        var budget = page.Page.GetByTestId("stat-monthly-budget");
        var saved = page.Page.GetByTestId("stat-cost-saved");

        Assert.Equal("true", await budget.GetAttributeAsync("data-unset"));
        Assert.Contains("Not set", await budget.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await saved.GetAttributeAsync("data-unset"));
        Assert.Equal("$0.25", (await page.Page.GetByTestId("stat-spend-to-date").Locator(".stat__value").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Page.GetByTestId("budget-flag").CountAsync());
    }

    private static ContactEvent Event(string id, string type, DateTimeOffset at) => new()
    {
        Id = $"c1-{id}",
        Type = type,
        Timestamp = at,
        ConversationId = "c1",
    };
}
