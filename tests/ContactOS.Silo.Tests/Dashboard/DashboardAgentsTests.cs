using System.Globalization;
using ContactOS.Analytics.Events;
using ContactOS.Testing.Browser;
using Microsoft.Playwright;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// The agent leaderboard, the weekday × hour heatmap and an agent's day on the Operations tab, and the conversation
/// journey on the Quality tab, in a real headless Chromium against the real silo with its demo tenants' history. The
/// screenshots they take are the agent views' ones in docs/screenshots.
/// </summary>
public sealed class DashboardAgentsTests(DashboardSilo silo) : IClassFixture<DashboardSilo>
{
    private static readonly string[] s_agentCharts = ["chart-leaderboard", "chart-heatmap", "chart-activity"];

    [Fact]
    public async Task The_leaderboard_has_a_row_per_agent_and_reorders_when_the_sort_changes()
    {
        var (page, context) = await OpenOperationsAsync("acme", width: 1440);
        await using var _ = context;
        await page.WaitForChartsWithDataAsync(["chart-leaderboard"]);
        var byResolutions = await LeaderboardAsync(page);

        await page.Page.GetByLabel("Rank by").SelectOptionAsync("handleTime");
        await page.Page.Locator("[data-testid=chart-leaderboard][aria-label*='Handle time']").WaitForAsync();
        await page.WaitForChartsWithDataAsync(["chart-leaderboard"]);
        var byHandleTime = await LeaderboardAsync(page);
        await page.Page.WaitForTimeoutAsync(600);
        await page.Page.GetByTestId("panel-leaderboard").ScreenshotAsync(new() { Path = Screenshot("agents-leaderboard.png") });

        Assert.True(byResolutions.Count > 1, $"The leaderboard has {byResolutions.Count} rows.");
        Assert.Equal(byResolutions.Select(row => row.Id).Order(), byHandleTime.Select(row => row.Id).Order());
        Assert.NotEqual(byResolutions.Select(row => row.Id), byHandleTime.Select(row => row.Id));
        Assert.Equal(Enumerable.Range(1, byResolutions.Count).Select(rank => rank.ToString(CultureInfo.InvariantCulture)), byResolutions.Select(row => row.Rank));
        var resolutions = byResolutions.Select(row => double.Parse(row.Cells[1], NumberStyles.Number, CultureInfo.GetCultureInfo("en-US"))).ToList();
        Assert.Equal(resolutions.OrderDescending(), resolutions);
        // Shortest median handle time first; agents without one last.
        var handleTimes = byHandleTime.Select(row => ParseDuration(row.Cells[2])).ToList();
        var measured = handleTimes.TakeWhile(seconds => seconds is not null).ToList();
        Assert.True(measured.Count > 1, "Fewer than two agents have a handle time.");
        Assert.Equal(measured.Order(), measured);
        Assert.All(handleTimes.Skip(measured.Count), seconds => Assert.Null(seconds));
    }

    [Fact]
    public async Task The_heatmap_is_drawn_with_data_for_conversations_and_for_occupancy_and_names_the_busiest_hour()
    {
        var (page, context) = await OpenOperationsAsync("acme", width: 1440);
        await using var _ = context;
        await page.WaitForChartsWithDataAsync(["chart-heatmap"]);
        var conversationCells = await PointsAsync(page, "chart-heatmap");
        var conversationCaption = await page.Page.GetByTestId("heatmap-caption").InnerTextAsync();

        await page.Page.GetByTestId("heatmap-mode-occupancy").ClickAsync();
        await page.Page.Locator("figure[data-mode=occupancy] [data-testid=chart-heatmap]").WaitForAsync();
        await page.Page.WaitForTimeoutAsync(600);
        await page.WaitForChartsWithDataAsync(["chart-heatmap"]);
        var occupancyCells = await PointsAsync(page, "chart-heatmap");
        var occupancyCaption = await page.Page.GetByTestId("heatmap-caption").InnerTextAsync();
        var label = await page.Page.GetByTestId("chart-heatmap").GetAttributeAsync("aria-label");
        await page.Page.GetByTestId("panel-heatmap").ScreenshotAsync(new() { Path = Screenshot("agents-heatmap-occupancy.png") });

        Assert.Equal(7 * 24, conversationCells);
        Assert.Matches(@"Busiest hour: \w+day \d\d:00–\d\d:00, [\d,]+ conversations started\.", conversationCaption);
        Assert.InRange(occupancyCells, 1, 7 * 24);
        Assert.Matches(@"Highest occupancy: \w+day \d\d:00–\d\d:00, [\d.]+%\.", occupancyCaption);
        Assert.Contains("Blank cells: no agent online or busy", occupancyCaption, StringComparison.Ordinal);
        Assert.Contains("Highest occupancy", label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_day_is_drawn_for_the_leaders_first_agent_and_for_one_chosen_from_the_roster()
    {
        var (page, context) = await OpenOperationsAsync("acme", width: 1440);
        await using var _ = context;
        await page.WaitForChartsWithDataAsync(["chart-leaderboard", "chart-activity"]);
        var first = await page.Page.GetByTestId("table-leaderboard").Locator("tbody tr button").First.GetAttributeAsync("data-agent-id");
        var shown = await page.Page.GetByLabel("Agent", new() { Exact = true }).InputValueAsync();
        var date = await page.Page.GetByLabel("Day", new() { Exact = true }).InputValueAsync();
        var firstIntervals = await PointsAsync(page, "chart-activity");

        var options = await page.Page.GetByTestId("activity-agent").Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        var other = options.First(id => id != first);
        await page.Page.GetByTestId("activity-agent").SelectOptionAsync(other);
        await page.Page.Locator($"[data-testid=chart-activity][aria-label*='{await NameOfAsync(page, other)}']").WaitForAsync();
        await page.WaitForChartsWithDataAsync(["chart-activity"]);
        await page.Page.WaitForTimeoutAsync(600);
        var totals = await page.Page.Locator("[data-testid^=activity-total-] .stat__value").AllInnerTextsAsync();
        await page.Page.GetByTestId("panel-activity").ScreenshotAsync(new() { Path = Screenshot("agents-activity.png") });

        Assert.Equal(first, shown);
        // The demo's first tenant keeps UTC: today there is today here.
        Assert.Contains(date, new[] { DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.True(firstIntervals > 0);
        Assert.Equal(3, totals.Count);
        Assert.Contains(totals, total => ParseDuration(total) > 0);
    }

    [Fact]
    public async Task The_journey_of_a_posted_conversation_lists_its_events_in_order_and_unknown_or_bad_ids_say_so()
    {
        var conversationId = $"journey-{Guid.NewGuid():N}";
        await PostConversationAsync("acme", conversationId);
        var (page, context) = await silo.NewPageAsync(width: 1440, height: 1000);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.OpenTabAsync("quality");
        await page.Page.GetByTestId("panel-journey").GetByTestId("panel-idle").WaitForAsync();

        await LookUpAsync(page, conversationId);
        await page.Page.GetByTestId("table-journey").WaitForAsync();
        var types = await page.Page.Locator("[data-testid=table-journey] [data-type]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.type)");
        var rows = await page.Page.Locator("[data-testid=table-journey] tbody tr").AllInnerTextsAsync();
        await page.Page.GetByTestId("panel-journey").ScreenshotAsync(new() { Path = Screenshot("journey.png") });

        await LookUpAsync(page, "no-such-conversation");
        var notFound = await page.Page.GetByTestId("panel-journey").GetByTestId("panel-message").InnerTextAsync();
        await LookUpAsync(page, new string('x', 129));
        var invalid = await page.Page.GetByTestId("journey-invalid").InnerTextAsync();

        Assert.Equal(
            [
                EventTypes.ConversationStarted, EventTypes.Message, EventTypes.IntentDetected, EventTypes.ToolCalled, EventTypes.HandoffRequested,
                EventTypes.AgentAssigned, EventTypes.Message, EventTypes.ConversationResolved, EventTypes.Feedback,
            ],
            types);
        Assert.Contains("Channel: whatsapp", rows[0], StringComparison.Ordinal);
        Assert.Contains("Customer: “My bill is wrong again”", rows[1], StringComparison.Ordinal);
        Assert.Matches(@"[1-5]/5\*", rows[1]);
        Assert.Contains("Billing question", rows[2], StringComparison.Ordinal);
        Assert.Contains("lookup_invoice · succeeded · 230 ms", rows[3], StringComparison.Ordinal);
        Assert.Contains("Agent: ", rows[5], StringComparison.Ordinal);
        Assert.Contains("4/5", rows[6], StringComparison.Ordinal);
        Assert.Contains("By a human agent", rows[7], StringComparison.Ordinal);
        Assert.Contains("CSAT 5/5 · NPS 9", rows[8], StringComparison.Ordinal);
        Assert.Equal("No conversation with the ID “no-such-conversation” was found.", notFound.Trim());
        Assert.StartsWith("Enter a conversation ID of up to 128 characters", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_views_speak_Spanish_to_the_Spanish_tenant()
    {
        var (page, context) = await OpenOperationsAsync("iberia", width: 1440);
        await using var _ = context;
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'es'");
        await page.WaitForChartsWithDataAsync(s_agentCharts);
        await page.Page.WaitForTimeoutAsync(600);
        var text = await page.Page.Locator("main").InnerTextAsync();
        var sortOptions = await page.Page.GetByLabel("Ordenar por").Locator("option").AllInnerTextsAsync();
        await page.ScreenshotAsync(Screenshot("tab-operations-spanish.png"));

        Assert.Contains("Ranking de agentes", text, StringComparison.Ordinal);
        Assert.Contains("Tiempo de gestión p50", text, StringComparison.Ordinal);
        Assert.Contains("Ocupación", text, StringComparison.Ordinal);
        Assert.Contains("Horas de más actividad", text, StringComparison.Ordinal);
        Assert.Matches(@"Hora punta: \w+ \d\d:00–\d\d:00, [\d.]+ conversaciones iniciadas\.", text);
        Assert.Contains("Actividad del agente", text, StringComparison.Ordinal);
        Assert.Equal(["Resoluciones", "Atendidas", "CSAT", "Tiempo de gestión (p50, menor primero)", "Ocupación"], sortOptions);
        Assert.DoesNotContain("Leaderboard", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tenant", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task At_phone_width_the_agent_views_and_the_journey_fit_and_their_tables_scroll_in_their_box()
    {
        var conversationId = $"journey-{Guid.NewGuid():N}";
        await PostConversationAsync("kolkata", conversationId);
        var (page, context) = await OpenOperationsAsync("kolkata", width: 375, height: 812);
        await using var _ = context;
        await page.WaitForChartsWithDataAsync(s_agentCharts);
        await page.Page.WaitForTimeoutAsync(600);
        var operations = await page.HorizontalOverflowAsync();
        var leaderboard = await page.Page.GetByTestId("table-leaderboard").EvaluateAsync<double[]>(
            "table => { const box = table.parentElement; return [box.scrollWidth, box.clientWidth, box.getBoundingClientRect().right]; }");
        await page.ScreenshotAsync(Screenshot("tab-operations-phone.png"));

        await page.OpenTabAsync("quality");
        await LookUpAsync(page, conversationId);
        await page.Page.GetByTestId("table-journey").WaitForAsync();
        await page.Page.GetByTestId("panel-journey").ScrollIntoViewIfNeededAsync();
        var quality = await page.HorizontalOverflowAsync();
        await page.Page.GetByTestId("panel-journey").ScreenshotAsync(new() { Path = Screenshot("journey-phone.png") });

        Assert.Equal(0, operations);
        Assert.Equal(0, quality);
        Assert.True(leaderboard[0] > leaderboard[1], $"The leaderboard ({leaderboard[0]} px) fits its {leaderboard[1]} px box: the test expects one that scrolls.");
        Assert.True(leaderboard[2] <= 375, $"The leaderboard's box ends at {leaderboard[2]} px, past the 375 px page.");
    }

    /// <summary>A fresh page signed in as a demo tenant, on the Operations tab over 30 days; the caller disposes the context.</summary>
    private async Task<(DashboardPage Page, IBrowserContext Context)> OpenOperationsAsync(string tenant, int width, int height = 1000)
    {
        var (page, context) = await silo.NewPageAsync(width, height);
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync(tenant);
        await page.SelectPeriodAsync("30d");
        await page.OpenTabAsync("operations");
        return (page, context);
    }

    private static async Task LookUpAsync(DashboardPage page, string conversationId)
    {
        await page.Page.GetByLabel("Conversation ID").FillAsync(conversationId);
        await page.Page.GetByTestId("journey-submit").ClickAsync();
    }

    private static async Task<string> NameOfAsync(DashboardPage page, string agentId) =>
        (await page.Page.GetByTestId("activity-agent").Locator($"option[value='{agentId}']").InnerTextAsync()).Trim();

    private static async Task<int> PointsAsync(DashboardPage page, string chart) =>
        int.Parse(await page.Page.GetByTestId(chart).GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>The leaderboard's rows as shown: rank, agent id and the figures after the name.</summary>
    private static async Task<List<(string Rank, string Id, string[] Cells)>> LeaderboardAsync(DashboardPage page)
    {
        var rows = await page.Page.GetByTestId("table-leaderboard").Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [row.querySelector('button').dataset.agentId, ...[...row.querySelectorAll('td')].map(cell => cell.innerText.trim())])");
        return rows.Select(row => (row[1], row[0], row[2..])).ToList();
    }

    /// <summary>"42 sec", "4.2 min", "3.1 hr", "2.5 days" (en-US) in seconds; null for a dash.</summary>
    private static double? ParseDuration(string shown)
    {
        var parts = shown.Trim().Split(' ', 2);
        if (parts.Length < 2)
        {
            return null;
        }

        var unit = parts[1] switch
        {
            "sec" => 1,
            "min" => 60,
            "hr" => 3600,
            _ => 86_400,
        };
        return double.Parse(parts[0], NumberStyles.Number, CultureInfo.GetCultureInfo("en-US")) * unit;
    }

    /// <summary>
    /// A conversation of nine events, handed to one of the tenant's agents, with a customer message without a sentiment
    /// (the silo scores its text).
    /// </summary>
    private async Task PostConversationAsync(string tenant, string conversationId)
    {
        var roster = await silo.ExpectAsync(HttpMethod.Get, "api/v2/agents", await silo.TokenAsync(tenant, "viewer"));
        var agentId = roster.GetProperty("agents")[0].GetProperty("agentId").GetString();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        ContactEvent Event(int index, string type) => new()
        {
            Id = $"{conversationId}-{index}",
            Type = type,
            Timestamp = start.AddMinutes(index),
            ConversationId = conversationId,
        };
        await silo.PostEventsAsync(await silo.TokenAsync(tenant, "ingest"),
        [
            // Sent out of order: the journey is in timeline order.
            Event(8, EventTypes.Feedback) with { Csat = 5, Nps = 9 },
            Event(0, EventTypes.ConversationStarted) with { Channel = "whatsapp" },
            Event(1, EventTypes.Message) with { Role = "customer", Text = "My bill is wrong again" },
            Event(2, EventTypes.IntentDetected) with { Intent = "billing_question", Confidence = 0.93 },
            Event(3, EventTypes.ToolCalled) with { Tool = "lookup_invoice", Success = true, LatencyMs = 230 },
            Event(4, EventTypes.HandoffRequested) with { Reason = "billing" },
            Event(5, EventTypes.AgentAssigned) with { AgentId = agentId },
            Event(6, EventTypes.Message) with { Role = "agent", Text = "I have corrected it.", Sentiment = 4 },
            Event(7, EventTypes.ConversationResolved) with { By = "human" },
        ]);
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(DashboardSilo.ScreenshotDirectory);
        return Path.Combine(DashboardSilo.ScreenshotDirectory, name);
    }
}
