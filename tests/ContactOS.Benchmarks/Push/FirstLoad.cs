using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Browser;

namespace ContactOS.Benchmarks.Push;

/// <summary>
/// The dashboard's first load as a user sees it: a browser with an empty cache opens <c>/</c> with a signed-in
/// session, and the clock runs from the navigation's start until all five charts have drawn their data
/// (<c>data-rendered="true"</c>), read on the page's own clock (<c>performance.now()</c>), so that the time the
/// automation takes to start the navigation and to notice the result is not counted.
/// </summary>
internal static class FirstLoad
{
    public const string TenantId = "push-page";

    /// <summary>The dashboard's session key (src/ContactOS.Dashboard/src/auth/tokenStorage.ts).</summary>
    private const string TokenKey = "contactos.dashboard.token";

    /// <summary>
    /// Runs before the page's scripts: notes on the page's clock the moment the last of the charts is marked drawn,
    /// and the end of the last response of the API the page waited for.
    /// </summary>
    private static readonly string s_clockScript = $$"""
        (() => {
          const charts = {{JsonSerializer.Serialize(DashboardPage.Charts)}};
          window.__firstLoad = { drawn: null };
          new MutationObserver(() => {
            if (window.__firstLoad.drawn === null
                && charts.every(id => document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-rendered') === 'true')) {
              window.__firstLoad.drawn = performance.now();
            }
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-rendered'] });
        })();
        """;

    private const string ReadClockScript = """
        () => {
          const navigation = performance.getEntriesByType('navigation')[0];
          const api = performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/'));
          const drawn = window.__firstLoad.drawn;
          return [drawn, navigation.domContentLoadedEventEnd, Math.max(0, ...api.filter(e => e.startTime < drawn).map(e => e.responseEnd))];
        }
        """;

    /// <summary>
    /// Gives <see cref="TenantId"/> a day of traffic so that "today", the page's first period, has data in every
    /// chart. The tenant's time zone is chosen so that its local day is at least six hours old.
    /// </summary>
    public static async Task PrepareAsync(HttpClient http, AuthenticationHeaderValue admin, DateTimeOffset now)
    {
        var offset = now.UtcDateTime.Hour >= 6 ? 0 : 12;
        var zone = offset == 0 ? "UTC" : "Etc/GMT-12";
        using (var request = new HttpRequestMessage(HttpMethod.Put, "api/v2/tenant") { Content = JsonContent.Create(new { displayName = "Push page", timeZone = zone }) })
        {
            request.Headers.Authorization = admin;
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var local = now.ToOffset(TimeSpan.FromHours(offset));
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        var traffic = TrafficGenerator.Generate(new TrafficOptions { Seed = 5, TenantIds = [TenantId], ConversationsPerTenant = 400, Start = midnight, End = now, DuplicateRatio = 0 });
        await EventPoster.PostAllAsync(http, [.. traffic.Select(e => e.Event).Chunk(PushOptions.BatchSize).Select(chunk => EventBody.Of(admin, chunk))], connections: 2);
    }

    /// <summary>
    /// <paramref name="loads"/> first loads, each in a fresh browser profile (empty cache, no connections kept),
    /// after <paramref name="warmUps"/> loads that are not counted: the silo's first answers to the page's requests
    /// include compiling their code, which a running silo has long done.
    /// </summary>
    public static async Task<IReadOnlyList<PageLoad>> MeasureAsync(Uri baseAddress, string viewerToken, int loads, int warmUps = 0)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var timings = new List<PageLoad>(loads);
        for (var i = 0; i < warmUps + loads; i++)
        {
            await using var context = await chromium.NewContextAsync();
            await context.AddInitScriptAsync($"sessionStorage.setItem('{TokenKey}', '{viewerToken}')");
            await context.AddInitScriptAsync(s_clockScript);
            var page = new DashboardPage(await context.NewPageAsync());
            var watch = Stopwatch.StartNew();
            await page.Page.GotoAsync(baseAddress.ToString());
            await page.WaitForChartsDrawnAsync(TimeSpan.FromSeconds(30));
            var wall = watch.Elapsed.TotalMilliseconds;
            var clock = await page.Page.EvaluateAsync<double[]>(ReadClockScript);
            if (i >= warmUps)
            {
                timings.Add(new PageLoad(ChartsDrawn: clock[0], ScriptsRun: clock[1], DataIn: clock[2], Wall: wall));
            }
        }

        return timings;
    }
}
