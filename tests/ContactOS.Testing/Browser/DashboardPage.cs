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
