using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>
/// The Orleans Dashboard at <c>/orleans</c> shows every tenant's grains, so only operators open it: not anonymous callers,
/// not a tenant's viewer or admin. A browser opens it with the session cookie an operator's token gets.
/// </summary>
public sealed class OrleansDashboardTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    [Fact]
    public async Task Only_an_operator_opens_the_Orleans_Dashboard()
    {
        var tenant = AuthSilo.NewTenant("ops");

        using var anonymous = await silo.SendAsync(HttpMethod.Get, "orleans/", null);
        using var admin = await silo.SendAsync(HttpMethod.Get, "orleans/", await silo.TokenAsync(tenant, "admin"));
        using var viewer = await silo.SendAsync(HttpMethod.Get, "orleans/", await silo.TokenAsync(tenant, "viewer"));
        using var operatorPage = await silo.SendAsync(HttpMethod.Get, "orleans/", await silo.TokenAsync(tenant, "operator"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorPage.StatusCode);
        Assert.Contains("html", (await operatorPage.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The dashboard reads Orleans' counters every second; two of Orleans' gauges walk every activation on each reading
    /// (about 90 ms of CPU a second at a million grains), and are left out. The rest arrive, the activation counts
    /// included, and so do the grain statistics; <c>/metrics</c> leaves the two out as well.
    /// </summary>
    [Fact]
    public async Task The_dashboard_shows_the_silo_counters_except_those_that_walk_every_activation()
    {
        var operatorToken = await silo.TokenAsync(AuthSilo.NewTenant("ops"), "operator");
        // The dashboard learns of the silo, then of its counters, within a few of its one-second rounds.
        var names = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!names.Contains("orleans-catalog-activations") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            using var clusterAnswer = await silo.SendAsync(HttpMethod.Get, "orleans/DashboardCounters", operatorToken);
            Assert.Equal(HttpStatusCode.OK, clusterAnswer.StatusCode);
            using var cluster = JsonDocument.Parse(await clusterAnswer.Content.ReadAsStringAsync());
            if (cluster.RootElement.GetProperty("hosts").EnumerateArray().Select(host => host.GetProperty("siloAddress").GetString()).FirstOrDefault() is not { } address)
            {
                continue;
            }

            using var answer = await silo.SendAsync(HttpMethod.Get, $"orleans/SiloCounters/{Uri.EscapeDataString(address)}", operatorToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var counters = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            names = [.. counters.RootElement.EnumerateArray().Select(counter => counter.GetProperty("name").GetString()!)];
        }

        Assert.Contains("orleans-catalog-activations", names);
        Assert.Contains(names, name => name.StartsWith("orleans-messaging", StringComparison.Ordinal));
        Assert.DoesNotContain("orleans-messaging-processing-activation-data", names);
        Assert.DoesNotContain("orleans-directory-cache-size", names);

        using var scrape = await silo.SendAsync(HttpMethod.Get, "metrics", operatorToken);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("orleans_catalog_activations", text, StringComparison.Ordinal);
        Assert.DoesNotContain("orleans_messaging_processing_activation_data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("orleans_directory_cache_size", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_session_cookie_opens_the_dashboard_in_a_browser_and_a_tenant_admin_gets_none()
    {
        var tenant = AuthSilo.NewTenant("ops");
        var operatorToken = await silo.TokenAsync(tenant, "operator");

        using var session = await silo.SendAsync(HttpMethod.Post, "api/v2/auth/operator-session", operatorToken);
        using var refused = await silo.SendAsync(HttpMethod.Post, "api/v2/auth/operator-session", await silo.TokenAsync(tenant, "admin"));

        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var cookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/orleans", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // As a browser: no Authorization header, only the cookie.
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress, "orleans/"));
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var opened = await silo.Http.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        // The cookie is read for the dashboard only: the API still wants a header.
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress, "api/v2/auth/whoami"));
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var apiAnswer = await silo.Http.SendAsync(api);
        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode);
    }
}
