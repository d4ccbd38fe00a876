using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.Browser;
using Microsoft.Playwright;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>
/// What a reader of the dashboard can make out of it: the whole roster, a KPI strip that fills its row, what each AI
/// share is out of, sentiment lines that read as lines, and a page that says when its figures are not live. The
/// screenshots they take are the ones in docs/screenshots.
/// </summary>
public sealed class DashboardReadabilityTests(DashboardSilo silo) : IClassFixture<DashboardSilo>
{
    /// <summary>A line drawn through every bucket may be hidden this long where the other line crosses it.</summary>
    private const int MaxHiddenLinePixels = 8;

    [Fact]
    public async Task The_roster_shows_every_agent_says_how_many_are_below_and_scrolls_to_the_last()
    {
        var tenant = AuthSilo.NewTenant("roster");
        var now = DateTimeOffset.UtcNow;
        var agents = Enumerable.Range(1, 15).Select(n => new ContactEvent
        {
            Id = $"status-{n}",
            Type = EventTypes.AgentStatus,
            Timestamp = now.AddMinutes(-n),
            AgentId = $"agent-{n:00}",
            DisplayName = $"Agent {n:00}",
            Status = n <= 9 ? "online" : n <= 12 ? "busy" : "offline",
        }).ToList();
        await silo.PostEventsAsync(await silo.TokenAsync(tenant, "ingest"), agents);
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInWithTokenAsync(await silo.TokenAsync(tenant, "viewer"));
        var roster = page.Page.GetByTestId("agents-roster");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=agents-roster] .roster__agent').length === 15");
        var more = page.Page.GetByTestId("agents-more");
        await more.WaitForAsync();
        var hiddenBefore = await roster.EvaluateAsync<int>(
            "list => [...list.children].filter(item => item.getBoundingClientRect().bottom > list.getBoundingClientRect().bottom + 1).length");
        var moreText = await more.InnerTextAsync();
        var counts = await page.Page.GetByTestId("agents-counts").Locator(".status-badge").AllTextContentsAsync();
        await page.Page.Locator(".panel--agents").ScreenshotAsync(new() { Path = Screenshot("roster.png") });

        await more.ClickAsync();
        await roster.EvaluateAsync("list => list.scrollTo({ top: list.scrollHeight })");
        await more.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var last = await roster.Locator(".roster__agent").Last.EvaluateAsync<JsonElement>(
            """
            item => {
              const list = item.parentElement.getBoundingClientRect();
              const own = item.getBoundingClientRect();
              return { name: item.querySelector('.roster__name').textContent, inside: own.top >= list.top - 1 && own.bottom <= list.bottom + 1 };
            }
            """);

        Assert.True(hiddenBefore > 0, "Fifteen agents fit in the roster without scrolling; the test needs a list that scrolls.");
        Assert.StartsWith($"{hiddenBefore} more below", moreText, StringComparison.Ordinal);
        Assert.Equal(["Online 9", "Busy 3", "Offline 3"], counts);
        Assert.Equal("Agent 15", last.GetProperty("name").GetString());
        Assert.True(last.GetProperty("inside").GetBoolean(), "The last agent is not fully visible once the roster is scrolled to its end.");
    }

    [Theory]
    [InlineData(1920)]
    [InlineData(1440)]
    [InlineData(1024)]
    [InlineData(768)]
    [InlineData(375)]
    public async Task The_KPI_strip_fills_every_row_it_uses(int width)
    {
        var (page, context) = await silo.NewPageAsync(width: width, height: 1000);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.Page.Locator("[data-testid=kpi-satisfaction] [data-testid=kpi-value]").WaitForAsync();
        // Each row of cards: its left edge, its right edge, against the strip's own edges.
        var rows = await page.Page.Locator(".kpi-strip").EvaluateAsync<JsonElement>(
            """
            strip => {
              const box = strip.getBoundingClientRect();
              const rows = new Map();
              for (const card of strip.children) {
                const rect = card.getBoundingClientRect();
                const row = rows.get(Math.round(rect.top)) ?? { left: Infinity, right: -Infinity, cards: 0 };
                row.left = Math.min(row.left, rect.left);
                row.right = Math.max(row.right, rect.right);
                row.cards += 1;
                rows.set(Math.round(rect.top), row);
              }
              return [...rows.values()].map(row => ({ leftGap: row.left - box.left, rightGap: box.right - row.right, cards: row.cards }));
            }
            """);
        if (width == 1920)
        {
            await page.Page.Locator(".kpi-strip").ScreenshotAsync(new() { Path = Screenshot("kpi-strip-1920.png") });
        }

        var gaps = rows.EnumerateArray()
            .Select(row => (Left: row.GetProperty("leftGap").GetDouble(), Right: row.GetProperty("rightGap").GetDouble(), Cards: row.GetProperty("cards").GetInt32()))
            .ToList();
        Assert.All(gaps, row => Assert.True(
            Math.Abs(row.Left) <= 3 && Math.Abs(row.Right) <= 3,
            $"At {width} px a row of {row.Cards} KPI cards leaves {row.Left:0} px on the left and {row.Right:0} px on the right of the strip."));
        if (width >= 1440)
        {
            Assert.Single(gaps);
        }
    }

    [Fact]
    public async Task The_donut_and_the_AI_resolution_KPI_say_what_they_are_out_of()
    {
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsDrawnAsync();

        var kpiCaption = await page.Page.GetByTestId("kpi-aiResolutionRate").GetByTestId("kpi-caption").InnerTextAsync();
        var donutPanel = page.Page.Locator("section.panel", new() { Has = page.Page.GetByTestId("chart-resolution-split") });
        var donutCaption = await donutPanel.GetByTestId("panel-caption").InnerTextAsync();

        Assert.Equal("Resolved by AI, of all conversations started", kpiCaption);
        Assert.Equal("Share of resolved conversations", donutCaption);
    }

    [Theory]
    [InlineData("today")]
    [InlineData("7d")]
    public async Task Each_sentiment_line_is_drawn_unbroken_from_its_first_score_to_its_last(string period)
    {
        var (page, context) = await silo.NewPageAsync(width: 1920, height: 1100);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        if (period == "today")
        {
            // The demo's today is nearly empty just after midnight: a tenant of its own, in a zone where it is day, with
            // scores hours apart.
            await page.SignInWithTokenAsync(await SparseTodayTenantAsync());
        }
        else
        {
            await page.SignInAsDemoTenantAsync("acme");
        }

        await page.SelectPeriodAsync(period);
        await page.WaitForChartsDrawnAsync();
        // The first drawing of a new period is animated; the line is complete once the animation is over.
        await page.Page.WaitForTimeoutAsync(1_000);
        var trend = page.Page.Locator("section.panel", new() { Has = page.Page.GetByTestId("chart-sentiment-trend") });
        if (period == "7d")
        {
            await trend.ScreenshotAsync(new() { Path = Screenshot("sentiment-7d.png") });
            await page.Page.Locator("section.panel", new() { Has = page.Page.GetByTestId("chart-volume") })
                .ScreenshotAsync(new() { Path = Screenshot("volume-7d.png") });
        }

        string[] colours = ["--chart-ai", "--chart-human"];
        foreach (var colour in colours)
        {
            // Where the lines cross or run together the other one is drawn over this one: it is hidden through its legend
            // entry while this one is measured, and shown again after.
            var other = colours.Single(c => c != colour);
            var legendEntry = await HideThroughLegendAsync(page, "chart-sentiment-trend", other);
            Assert.Equal(0, (await LineCoverageAsync(page, "chart-sentiment-trend", other)).Drawn);
            var line = await LineCoverageAsync(page, "chart-sentiment-trend", colour);
            await ClickAndRedrawAsync(page, "chart-sentiment-trend", legendEntry);
            Assert.True(line.Drawn >= 2, $"The {colour} sentiment line at {period} has {line.Drawn} columns of pixels: nothing to judge.");
            Assert.True(line.LongestGap <= MaxHiddenLinePixels,
                $"The {colour} sentiment line at {period} breaks for {line.LongestGap} px between its first and last score.");
        }
    }

    [Fact]
    public async Task Without_the_live_hub_the_page_says_it_refreshes_every_30_seconds()
    {
        var (page, context) = await silo.NewPageAsync();
        await using var _ = context;
        // The hub is unreachable from this page, as behind a proxy that does not pass WebSockets or negotiation.
        await page.Page.RouteAsync("**/hubs/analytics**", route => route.AbortAsync());
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("acme");
        await page.Page.Locator("[data-testid=connection-indicator][data-state=polling]").WaitForAsync();
        var notice = page.Page.GetByTestId("live-notice");
        await notice.WaitForAsync();
        await page.Page.ScreenshotAsync(new() { Path = Screenshot("polling-notice.png"), Clip = new() { X = 0, Y = 0, Width = 1440, Height = 330 } });

        Assert.Equal("Live updates unavailable — refreshing every 30 s", (await notice.InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_Spanish_tenant_opens_in_Spanish_and_says_derivación_and_organización_throughout()
    {
        var (page, context) = await silo.NewPageAsync(width: 1440, height: 1500);
        await using var _ = context;
        await page.OpenAsync(silo.BaseAddress);
        await page.SignInAsDemoTenantAsync("iberia");

        // An English browser, no language chosen: the tenant's default language (es) decides, no toggle pressed.
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'es'");
        await page.SelectPeriodAsync("30d");
        await page.WaitForChartsDrawnAsync();
        await page.Page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync(Screenshot("dashboard-spanish.png"));
        var text = await page.Page.Locator("body").InnerTextAsync();

        Assert.Equal("es", await page.Page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Contains("Motivos de derivación", text, StringComparison.Ordinal);
        Assert.Contains("Observaciones", text, StringComparison.Ordinal);
        Assert.DoesNotContain("traspaso", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tenant", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A tenant whose local time is between 11:00 and 22:59 now, with conversations today 10, 6 and 2 hours ago (AI and
    /// human phases scored, nothing in the hours between); returns a viewer token.
    /// </summary>
    private async Task<string> SparseTodayTenantAsync()
    {
        string[] zones =
        [
            "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
            "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "UTC", "Europe/Madrid", "Europe/Athens", "Europe/Moscow",
            "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
            "Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati",
        ];
        var now = DateTimeOffset.UtcNow;
        var zone = zones.Select(TimeZoneInfo.FindSystemTimeZoneById).First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 11 and <= 22);
        var tenant = AuthSilo.NewTenant("sparse");
        await silo.ExpectAsync(HttpMethod.Put, "api/v2/tenant", await silo.TokenAsync(tenant, "admin"), new { displayName = "Sparse day", timeZone = zone.Id });
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var events = new List<ContactEvent>();
        foreach (var hoursAgo in new[] { 10, 6, 2 })
        {
            var at = local.Date.AddHours(local.Hour - hoursAgo).AddMinutes(10);
            var start = new DateTimeOffset(at, zone.GetUtcOffset(at));
            foreach (var (n, human) in new[] { (1, false), (2, true) })
            {
                var id = $"h{hoursAgo}-{n}";
                events.Add(new ContactEvent { Id = $"{id}-start", Type = EventTypes.ConversationStarted, Timestamp = start, ConversationId = id });
                events.Add(new ContactEvent { Id = $"{id}-intent", Type = EventTypes.IntentDetected, Timestamp = start.AddMinutes(1), ConversationId = id, Intent = "order_status", Confidence = 0.9 });
                events.Add(new ContactEvent { Id = $"{id}-ai", Type = EventTypes.Message, Timestamp = start.AddMinutes(2), ConversationId = id, Role = "customer", Sentiment = 2 + n });
                if (human)
                {
                    events.Add(new ContactEvent { Id = $"{id}-handoff", Type = EventTypes.HandoffRequested, Timestamp = start.AddMinutes(3), ConversationId = id, Reason = "billing" });
                    events.Add(new ContactEvent { Id = $"{id}-human", Type = EventTypes.Message, Timestamp = start.AddMinutes(4), ConversationId = id, Role = "customer", Sentiment = 4 });
                }

                events.Add(new ContactEvent { Id = $"{id}-resolved", Type = EventTypes.ConversationResolved, Timestamp = start.AddMinutes(5), ConversationId = id, By = human ? "human" : "ai" });
            }
        }

        await silo.PostEventsAsync(await silo.TokenAsync(tenant, "ingest"), events);
        return await silo.TokenAsync(tenant, "viewer");
    }

    private static string Screenshot(string name)
    {
        Directory.CreateDirectory(DashboardSilo.ScreenshotDirectory);
        return Path.Combine(DashboardSilo.ScreenshotDirectory, name);
    }

    /// <summary>
    /// Clicks the legend entry of the series drawn in the colour of <paramref name="cssVariable"/> (found by its swatch
    /// under the plot), which hides that series, and waits for the chart to redraw. Returns where it clicked: clicking
    /// there again shows the series again.
    /// </summary>
    private static async Task<Position> HideThroughLegendAsync(DashboardPage page, string chartTestId, string cssVariable)
    {
        var swatch = (await ColourPixelsAsync(page, chartTestId, cssVariable)).GetProperty("swatch");
        Assert.True(swatch.GetProperty("count").GetInt32() > 0, $"The legend of {chartTestId} shows no swatch in {cssVariable}.");
        var position = new Position { X = (float)swatch.GetProperty("x").GetDouble(), Y = (float)swatch.GetProperty("y").GetDouble() };
        await ClickAndRedrawAsync(page, chartTestId, position);
        return position;
    }

    private static async Task ClickAndRedrawAsync(DashboardPage page, string chartTestId, Position position)
    {
        await page.Page.GetByTestId(chartTestId).ClickAsync(new() { Position = position });
        // A legend toggle animates the remaining series into place.
        await page.Page.WaitForTimeoutAsync(1_000);
    }

    /// <summary>
    /// Reads the chart's canvas: which pixel columns of its plot area hold the colour of <paramref name="cssVariable"/>,
    /// and the longest run of columns without it between the first and the last that do.
    /// </summary>
    private static async Task<(int Drawn, int LongestGap)> LineCoverageAsync(DashboardPage page, string chartTestId, string cssVariable)
    {
        var answer = await ColourPixelsAsync(page, chartTestId, cssVariable);
        return (answer.GetProperty("drawn").GetInt32(), answer.GetProperty("longestGap").GetInt32());
    }

    /// <summary>
    /// One pass over the chart's canvas for the colour of <paramref name="cssVariable"/>: in the plot area (below the top
    /// margin, above the axis labels and the legend), the columns holding it (<c>drawn</c>, <c>longestGap</c> between
    /// them, in CSS pixels); in the legend row under it, where its swatch is (<c>swatch</c>: pixel count and centre).
    /// </summary>
    private static Task<JsonElement> ColourPixelsAsync(DashboardPage page, string chartTestId, string cssVariable) =>
        page.Page.GetByTestId(chartTestId).EvaluateAsync<JsonElement>(
            """
            (chart, variable) => {
              const hex = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
              const target = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
              const canvas = chart.querySelector('canvas');
              const { width, height } = canvas;
              const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
              const ratio = width / chart.clientWidth;
              const matches = (x, y) => {
                const at = (y * width + x) * 4;
                const distance = Math.abs(pixels[at] - target[0]) + Math.abs(pixels[at + 1] - target[1]) + Math.abs(pixels[at + 2] - target[2]);
                return pixels[at + 3] > 200 && distance < 60;
              };
              const top = Math.round(12 * ratio), bottom = height - Math.round(30 * ratio);
              const columns = [];
              for (let x = 0; x < width; x++) {
                let found = false;
                for (let y = top; y < bottom && !found; y++) found = matches(x, y);
                if (found) columns.push(x);
              }
              let longest = 0;
              for (let i = 1; i < columns.length; i++) longest = Math.max(longest, columns[i] - columns[i - 1] - 1);
              let sumX = 0, sumY = 0, count = 0;
              for (let y = bottom; y < height; y++) {
                for (let x = 0; x < width; x++) {
                  if (matches(x, y)) { sumX += x; sumY += y; count++; }
                }
              }
              return {
                drawn: columns.length,
                longestGap: Math.round(longest / ratio),
                swatch: { count, x: count ? sumX / count / ratio : 0, y: count ? sumY / count / ratio : 0 },
              };
            }
            """, cssVariable);
}
