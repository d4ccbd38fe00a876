using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Simulation.Traffic;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Dashboard;

/// <summary>What demo mode promises an operator: a fresh start has data, a restart does not double it, and without demo mode none of it exists.</summary>
public sealed class DemoModeTests
{
    private static readonly TimeSpan s_seedTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_restart_in_demo_mode_keeps_the_demo_history_instead_of_seeding_it_again()
    {
        using var data = new SqliteTestDirectory();
        string[] arguments = ["--Demo:Enabled", "true", "--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:ConversationsPerDay", "10"];

        double first, second, previous;
        JsonElement tenants;
        await using (var silo = await StartAsync(data, arguments))
        {
            await silo.WaitForOutputAsync("Demo: streaming live traffic", s_seedTimeout);
            tenants = await GetAsync(silo, "api/v2/auth/demo-tenants", null);
            (first, previous) = await TotalsAsync(silo);
            await silo.StopGracefullyAsync();
        }

        await using (var silo = await StartAsync(data, arguments))
        {
            await silo.WaitForOutputAsync("Demo: streaming live traffic", s_seedTimeout);
            (second, _) = await TotalsAsync(silo);
            Assert.Contains("Demo: tenant acme already has events; no history seeded", silo.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Equal(
            """[{"tenantId":"acme","displayName":"Acme Telecom","language":"en"},{"tenantId":"iberia","displayName":"Iberia Seguros","language":"es"},{"tenantId":"kolkata","displayName":"Kolkata Retail","language":"en"}]""",
            tenants.GetProperty("tenants").GetRawText());
        Assert.True(first >= 500, $"Only {first} conversations of history in 90 days.");
        // The history covers the 90 days before the 90d period too, at the same rate: its change is a few percent.
        Assert.InRange(previous, first * 0.85, first * 1.15);
        // Live traffic (10 conversations a weekday) adds a few conversations meanwhile; a second history would double them.
        Assert.InRange(second, first, first + 30);
    }

    [Fact]
    public async Task Each_demo_tenant_has_its_name_time_zone_language_currency_and_costs()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = await StartAsync(data, ["--Demo:Enabled", "true", "--Auth:Jwt:SigningKey", AuthSilo.SigningKey, "--Demo:Traffic", "false"]);
        // Logged once the tenants are named.
        await silo.WaitForOutputAsync("Demo: traffic is off");

        var zones = new List<string>();
        var budgets = new Dictionary<string, decimal>();
        foreach (var tenant in new[] { "acme", "iberia", "kolkata" })
        {
            var settings = await GetAsync(silo, "api/v2/tenant", await TokenAsync(silo, tenant));
            zones.Add($"{settings.GetProperty("tenant").GetString()}: {settings.GetProperty("displayName").GetString()}, " +
                $"{settings.GetProperty("timeZone").GetString()}, {settings.GetProperty("language").GetString()}, " +
                $"{settings.GetProperty("currency").GetString()} {settings.GetProperty("agentCostPerHour").GetRawText()}/h " +
                $"{settings.GetProperty("costPerHumanConversation").GetRawText()}/conversation");
            budgets[tenant] = settings.GetProperty("monthlyBudget").GetDecimal();
        }

        Assert.Equal(
            ["acme: Acme Telecom, UTC, en, USD 28/h 6.5/conversation", "iberia: Iberia Seguros, Europe/Madrid, es, EUR 26/h 6/conversation",
             "kolkata: Kolkata Retail, Asia/Kolkata, en, USD 28/h 6.5/conversation"],
            zones);
        // The budget is 10 to 20 % above what the demo's traffic spends on the model in a month: acme's model, 150
        // conversations a weekday (the default), four whole weeks of the generator's traffic.
        var end = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var traffic = TrafficGenerator.Generate(new TrafficOptions
        {
            TenantIds = ["acme"],
            Models = new Dictionary<string, TenantModel> { ["acme"] = new() { TimeZone = "UTC", ConversationsPerWeekday = 150 } },
            Start = end - TimeSpan.FromDays(28),
            End = end,
        });
        var monthlySpend = traffic.Select(e => e.Event).DistinctBy(e => e.Id).Sum(e => e.Cost ?? 0) * 365.25m / 12 / 28;
        Assert.InRange(budgets["acme"] / monthlySpend, 1.10m, 1.20m);
        Assert.InRange(budgets["iberia"] / budgets["acme"], 0.79m, 0.81m);
        Assert.InRange(budgets["kolkata"] / budgets["acme"], 0.59m, 0.61m);
    }

    [Fact]
    public async Task Without_demo_mode_there_are_no_demo_tenants_but_the_dashboard_is_served()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = await StartAsync(data, ["--Demo:Enabled", "false", "--Auth:Jwt:SigningKey", AuthSilo.SigningKey]);

        using var demoTenants = await silo.Http.GetAsync(new Uri(silo.BaseAddress!, "api/v2/auth/demo-tenants"));
        using var page = await silo.Http.GetAsync(silo.BaseAddress);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, demoTenants.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
    }

    private static async Task<SiloProcess> StartAsync(SqliteTestDirectory data, string[] arguments)
    {
        var silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path, DemoTraffic = true, Arguments = arguments });
        try
        {
            await silo.WaitUntilReadyAsync();
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Conversations of acme in the last 90 days and in the 90 days before, as its dashboard shows them.</summary>
    private static async Task<(double Value, double Previous)> TotalsAsync(SiloProcess silo)
    {
        var kpis = await GetAsync(silo, "api/v2/analytics/kpis?period=90d", await TokenAsync(silo, "acme"));
        var total = kpis.GetProperty("totalConversations");
        return (total.GetProperty("value").GetDouble(), total.GetProperty("previous").GetDouble());
    }

    private static async Task<string> TokenAsync(SiloProcess silo, string tenant)
    {
        using var response = await AuthSilo.SendAsync(silo, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant, roles = new[] { "viewer" } });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(SiloProcess silo, string path, string? token)
    {
        using var response = await AuthSilo.SendAsync(silo, HttpMethod.Get, path, token is null ? null : Credentials.Bearer(token));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}\nSilo output:\n{silo.Output}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
