using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Browser;

namespace ContactOS.Benchmarks.Push;

/// <summary>
/// The dashboard's first load as a user sees it: a browser with an empty cache opens <c>/</c> with a signed-in
/// session, and the clock stops when all five charts have drawn their data (<c>data-rendered="true"</c>).
/// </summary>
internal static class FirstLoad
{
    public const string TenantId = "push-page";

    /// <summary>The dashboard's session key (src/ContactOS.Dashboard/src/auth/tokenStorage.ts).</summary>
    private const string TokenKey = "contactos.dashboard.token";

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

    /// <summary>Milliseconds from navigation to every chart drawn, one fresh browser profile per load.</summary>
    public static async Task<IReadOnlyList<double>> MeasureAsync(Uri baseAddress, string viewerToken, int loads)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var timings = new List<double>(loads);
        for (var i = 0; i < loads; i++)
        {
            await using var context = await chromium.NewContextAsync();
            await context.AddInitScriptAsync($"sessionStorage.setItem('{TokenKey}', '{viewerToken}')");
            var page = new DashboardPage(await context.NewPageAsync());
            var watch = Stopwatch.StartNew();
            await page.Page.GotoAsync(baseAddress.ToString());
            await page.WaitForChartsDrawnAsync(TimeSpan.FromSeconds(30));
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        return timings;
    }
}
