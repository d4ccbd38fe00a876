using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace ContactOS.Testing.Browser;

/// <summary>
/// The analytics dashboard in a browser page, seen through the stable <c>data-testid</c>s it documents
/// (src/ContactOS.Dashboard/README.md). Every wait is bounded; a timeout says what the page showed.
/// </summary>
public sealed class DashboardPage(IPage page)
{
    /// <summary>The five charts, each marked <c>data-rendered="true"</c> once ECharts has drawn its data.</summary>
    public static readonly IReadOnlyList<string> Charts =
        ["chart-resolution-split", "chart-handoff-reasons", "chart-top-intents", "chart-volume", "chart-sentiment-trend"];

    /// <summary>The page's tabs, in their order, each a <c>tab-&lt;name&gt;</c> showing a <c>tabpanel-&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Tabs = ["overview", "operations", "quality", "costs"];

    /// <summary>The charts of each tab but the Overview (whose charts are <see cref="Charts"/>).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TabCharts = new Dictionary<string, IReadOnlyList<string>>
    {
        ["operations"] = ["chart-response-times", "chart-leaderboard", "chart-heatmap", "chart-activity"],
        ["quality"] =
        [
            "chart-csat", "chart-nps", "chart-quality-rates", "chart-intents", "chart-confidence", "chart-tool-calls",
            "chart-tool-latency", "chart-drop-off",
        ],
        ["costs"] = ["chart-model-spend", "chart-resolution-cost", "chart-budget"],
    };

    /// <summary>The tables of figures of each tab but the Overview.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TabTables = new Dictionary<string, IReadOnlyList<string>>
    {
        ["operations"] = ["table-response-times", "table-leaderboard"],
        ["quality"] = ["table-csat", "table-nps", "table-quality-rates", "table-intents", "table-tools"],
        ["costs"] = ["table-models"],
    };

    /// <summary>The six KPI cards, in the order of the strip.</summary>
    public static readonly IReadOnlyList<string> Kpis = ["aiResolutionRate", "totalConversations", "pending", "closedToday", "active", "satisfaction"];

    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(15);

    public IPage Page => page;

    /// <summary>Opens <c>/</c> of <paramref name="baseAddress"/> and returns once the sign-in screen or the dashboard shows.</summary>
    public async Task OpenAsync(Uri baseAddress)
    {
        await page.GotoAsync(baseAddress.ToString());
        await page.Locator(".sign-in, [data-testid=tenant-name]").First.WaitForAsync(new() { Timeout = Milliseconds(s_defaultTimeout) });
    }

    /// <summary>Signs in by pasting a token into the sign-in form, as a user with a token from their identity provider does.</summary>
    public async Task SignInWithTokenAsync(string token)
    {
        await page.Locator("textarea.sign-in__token").FillAsync(token);
        await page.Locator("form button[type=submit]").ClickAsync();
        await WaitForDashboardAsync();
    }

    /// <summary>Signs in as a demo tenant from the sign-in screen's list.</summary>
    public async Task SignInAsDemoTenantAsync(string tenantId)
    {
        await page.GetByTestId($"signin-tenant-{tenantId}").ClickAsync(new() { Timeout = Milliseconds(s_defaultTimeout) });
        await WaitForDashboardAsync();
    }

    public async Task WaitForDashboardAsync() =>
        await page.GetByTestId("tenant-name").WaitForAsync(new() { Timeout = Milliseconds(s_defaultTimeout) });

    public Task<string> TenantNameAsync() => page.GetByTestId("tenant-name").InnerTextAsync();

    public async Task SelectPeriodAsync(string period) => await page.GetByTestId($"period-{period}").ClickAsync();

    /// <summary>The KPI's value as shown, e.g. "1,247", "69.7%", "3.4 / 5" or "—"; null while its card is loading.</summary>
    public async Task<string?> KpiTextAsync(string kpi)
    {
        var value = page.GetByTestId($"kpi-{kpi}").GetByTestId("kpi-value");
        return await value.CountAsync() == 0 ? null : (await value.InnerTextAsync()).Trim();
    }

    /// <summary>The number a KPI shows (percent points for the rate), or null for a dash or a loading card.</summary>
    public async Task<double?> KpiNumberAsync(string kpi) => ParseShown(await KpiTextAsync(kpi));

    /// <summary>Waits until the KPI shows <paramref name="expected"/> (text as shown); returns how long it took.</summary>
    public async Task<TimeSpan> WaitForKpiTextAsync(string kpi, string expected, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await page.WaitForFunctionAsync(
                "([kpi, expected]) => document.querySelector(`[data-testid=kpi-${kpi}] [data-testid=kpi-value]`)?.textContent?.trim() === expected",
                new object[] { kpi, expected },
                new() { Timeout = Milliseconds(within), PollingInterval = 10 });
        }
        catch (System.TimeoutException)
        {
            throw new System.TimeoutException($"KPI {kpi} did not show '{expected}' within {within.TotalSeconds:0.###} s; it shows '{await KpiTextAsync(kpi)}'.");
        }

        return watch.Elapsed;
    }

    /// <summary>Waits until every chart has drawn data; the failure names the charts that have not.</summary>
    public async Task WaitForChartsDrawnAsync(TimeSpan? within = null)
    {
        var limit = within ?? s_defaultTimeout;
        try
        {
            await page.WaitForFunctionAsync(
                "(ids) => ids.every(id => document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-rendered') === 'true')",
                Charts, new() { Timeout = Milliseconds(limit), PollingInterval = 20 });
        }
        catch (System.TimeoutException)
        {
            var missing = new List<string>();
            foreach (var chart in Charts)
            {
                if (await page.Locator($"[data-testid={chart}][data-rendered=true]").CountAsync() == 0)
                {
                    missing.Add(chart);
                }
            }

            throw new System.TimeoutException($"Charts not drawn with data within {limit.TotalSeconds:0.#} s: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Opens a tab by clicking it, as a user does, and waits until its panel shows.</summary>
    public async Task OpenTabAsync(string tab)
    {
        await page.GetByTestId($"tab-{tab}").ClickAsync();
        await page.GetByTestId($"tabpanel-{tab}").WaitForAsync(new() { Timeout = Milliseconds(s_defaultTimeout) });
    }

    /// <summary>The tab shown as selected ("overview", "costs"), or null when none is.</summary>
    public async Task<string?> SelectedTabAsync()
    {
        var id = await page.Locator("[role=tab][aria-selected=true]").GetAttributeAsync("data-testid");
        return id?["tab-".Length..];
    }

    /// <summary>
    /// Waits until each chart has been drawn by ECharts (<c>data-rendered</c>) with at least one value in its series
    /// (<c>data-points</c>, counted from the chart's own option); the failure says what each chart that has not shows.
    /// </summary>
    public async Task WaitForChartsWithDataAsync(IReadOnlyList<string> charts, TimeSpan? within = null)
    {
        var limit = within ?? s_defaultTimeout;
        try
        {
            await page.WaitForFunctionAsync(
                """
                (ids) => ids.every(id => {
                  const chart = document.querySelector(`[data-testid=${id}]`);
                  return chart?.getAttribute('data-rendered') === 'true' && Number(chart.getAttribute('data-points')) > 0;
                })
                """,
                charts, new() { Timeout = Milliseconds(limit), PollingInterval = 20 });
        }
        catch (System.TimeoutException)
        {
            var states = await page.EvaluateAsync<string[]>(
                """
                (ids) => ids.map(id => {
                  const chart = document.querySelector(`[data-testid=${id}]`);
                  if (chart) return `${id}: rendered=${chart.getAttribute('data-rendered')}, points=${chart.getAttribute('data-points')}`;
                  const panels = [...document.querySelectorAll('section.panel')].map(p => p.innerText.replace(/\s+/g, ' ').slice(0, 80));
                  return `${id}: not on the page (panels: ${panels.join(' | ')})`;
                })
                """, charts);
            throw new System.TimeoutException($"Charts not drawn with data within {limit.TotalSeconds:0.#} s:\n  {string.Join("\n  ", states)}");
        }
    }

    /// <summary>The number of body rows of a table of figures; 0 when it is not on the page.</summary>
    public Task<int> TableRowCountAsync(string table) => page.Locator($"[data-testid={table}] tbody tr").CountAsync();

    /// <summary>How far the page scrolls sideways: 0 when it fits the viewport's width.</summary>
    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");

    /// <summary>Writes a full-page PNG to <paramref name="path"/>, creating its folder.</summary>
    public async Task ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    /// <summary>"1,247" → 1247, "69.7%" → 69.7, "3.4 / 5" → 3.4; "—" and null → null (en-US as the test contexts use).</summary>
    public static double? ParseShown(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var number = new string([.. text.TakeWhile(c => char.IsDigit(c) || c is ',' or '.' or '-')]);
        return number.Length == 0 ? null : double.Parse(number, NumberStyles.Number, CultureInfo.GetCultureInfo("en-US"));
    }

    private static float Milliseconds(TimeSpan span) => (float)span.TotalMilliseconds;
}
