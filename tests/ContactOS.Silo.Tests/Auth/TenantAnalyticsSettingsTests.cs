using System.Net;
using System.Text.Json;
using ContactOS.Analytics.Settings;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>
/// The settings the analytics read at query time, through <c>/api/v2/tenant</c>: defaults until an admin changes them,
/// kept when a PUT leaves them out, each bad value a 400 naming its field, and invisible to every other tenant.
/// </summary>
public sealed class TenantAnalyticsSettingsTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private const string Tenant = "api/v2/tenant";

    private const string AllSettings =
        """
        "reopenWindowHours": 48, "abandonAfterHours": 6, "lowConfidenceThreshold": 0.55,
        "fallbackIntents": ["fallback", "none"], "currency": "EUR",
        "agentCostPerHour": 28, "costPerHumanConversation": 6.5, "monthlyBudget": 1200.123456
        """;

    [Fact]
    public async Task A_new_tenant_reads_the_analytics_defaults()
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("defaults"), "viewer");

        var settings = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);

        var defaults = AnalyticsSettings.Default;
        Assert.Equal(defaults.ReopenWindowHours, settings.GetProperty("reopenWindowHours").GetDouble());
        Assert.Equal(defaults.AbandonAfterHours, settings.GetProperty("abandonAfterHours").GetDouble());
        Assert.Equal(defaults.LowConfidenceThreshold, settings.GetProperty("lowConfidenceThreshold").GetDouble());
        Assert.Equal(defaults.FallbackIntents, Strings(settings.GetProperty("fallbackIntents")));
        Assert.Equal(defaults.Currency, settings.GetProperty("currency").GetString());
        Assert.All(["agentCostPerHour", "costPerHumanConversation", "monthlyBudget"],
            field => Assert.Equal(JsonValueKind.Null, settings.GetProperty(field).ValueKind));
    }

    [Fact]
    public async Task An_admin_update_is_read_back_and_later_updates_that_leave_the_settings_out_keep_them()
    {
        var tenant = AuthSilo.NewTenant("roundtrip");
        var admin = await silo.TokenAsync(tenant, "admin");
        var viewer = await silo.TokenAsync(tenant, "viewer");

        var answered = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, Body(AllSettings));
        // A client that does not know the analytics settings (an older dashboard) renames the tenant.
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, Body("\"language\": \"es\""));
        var read = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);

        foreach (var settings in new[] { answered, read })
        {
            Assert.Equal(48, settings.GetProperty("reopenWindowHours").GetDouble());
            Assert.Equal(6, settings.GetProperty("abandonAfterHours").GetInt32());
            Assert.Equal(0.55, settings.GetProperty("lowConfidenceThreshold").GetDouble());
            Assert.Equal(["fallback", "none"], Strings(settings.GetProperty("fallbackIntents")));
            Assert.Equal("EUR", settings.GetProperty("currency").GetString());
            // Money is served as sent: no trailing zeros from its storage in millionths.
            Assert.Equal("28", settings.GetProperty("agentCostPerHour").GetRawText());
            Assert.Equal("6.5", settings.GetProperty("costPerHumanConversation").GetRawText());
            Assert.Equal("1200.123456", settings.GetProperty("monthlyBudget").GetRawText());
        }

        Assert.Equal("es", read.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_money_setting_sent_as_null_is_cleared_and_the_others_are_kept()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("clear"), "admin");
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, Body(AllSettings));

        var cleared = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin,
            Body("\"monthlyBudget\": null, \"fallbackIntents\": []"));

        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("monthlyBudget").ValueKind);
        Assert.Empty(Strings(cleared.GetProperty("fallbackIntents")));
        Assert.Equal(28m, cleared.GetProperty("agentCostPerHour").GetDecimal());
        Assert.Equal(6.5m, cleared.GetProperty("costPerHumanConversation").GetDecimal());
        Assert.Equal("EUR", cleared.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Values_at_the_limits_are_accepted()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("limits"), "admin");
        var intents = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"\"{new string('i', 98)}{i:00}\""));

        var settings = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, Body(
            $$"""
            "reopenWindowHours": 720, "abandonAfterHours": 1, "lowConfidenceThreshold": 1, "fallbackIntents": [{{intents}}],
            "currency": "INR", "agentCostPerHour": 0, "costPerHumanConversation": 1000000000, "monthlyBudget": 999999999.999999
            """));

        Assert.Equal(720, settings.GetProperty("reopenWindowHours").GetDouble());
        Assert.Equal(1, settings.GetProperty("lowConfidenceThreshold").GetDouble());
        Assert.Equal(20, settings.GetProperty("fallbackIntents").GetArrayLength());
        Assert.Equal("INR", settings.GetProperty("currency").GetString());
        Assert.Equal(0m, settings.GetProperty("agentCostPerHour").GetDecimal());
        Assert.Equal(1_000_000_000m, settings.GetProperty("costPerHumanConversation").GetDecimal());
        Assert.Equal(999_999_999.999999m, settings.GetProperty("monthlyBudget").GetDecimal());
    }

    [Theory]
    [InlineData("reopenWindowHours", "0", "whole number of hours from 1 to 720")]
    [InlineData("reopenWindowHours", "-3", "whole number of hours from 1 to 720")]
    [InlineData("reopenWindowHours", "720.5", "whole number of hours from 1 to 720")]
    [InlineData("reopenWindowHours", "1.5", "whole number of hours from 1 to 720")]
    [InlineData("abandonAfterHours", "0", "whole number of hours from 1 to 720")]
    [InlineData("abandonAfterHours", "1000", "whole number of hours from 1 to 720")]
    [InlineData("lowConfidenceThreshold", "1.01", "from 0 to 1")]
    [InlineData("lowConfidenceThreshold", "-0.01", "from 0 to 1")]
    [InlineData("lowConfidenceThreshold", "0.705", "steps of 0.01")]
    [InlineData("fallbackIntents", "[\"fallback\", \"\"]", "fallbackIntents[1]")]
    [InlineData("fallbackIntents", "[\"fallback\", \"  \"]", "not blank")]
    [InlineData("fallbackIntents", "[null]", "fallbackIntents[0]")]
    [InlineData("fallbackIntents", "[\"fallback\", \"none\", \"fallback\"]", "more than once")]
    [InlineData("currency", "\"usd\"", "uppercase")]
    [InlineData("currency", "\"XYZ\"", "not a known ISO 4217")]
    [InlineData("currency", "\"EURO\"", "three letters")]
    [InlineData("currency", "\"\"", "three letters")]
    [InlineData("agentCostPerHour", "-0.01", "from 0 to 1,000,000,000")]
    [InlineData("costPerHumanConversation", "1000000000.5", "from 0 to 1,000,000,000")]
    [InlineData("monthlyBudget", "12.0000001", "at most 6 decimals")]
    public async Task A_bad_value_is_400_naming_its_field_and_what_is_wrong_and_changes_nothing(string field, string json, string problemText)
    {
        var tenant = AuthSilo.NewTenant("invalid");
        var admin = await silo.TokenAsync(tenant, "admin");
        var before = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, admin);

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin, Body($"\"{field}\": {json}"));

        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        var message = Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString();
        Assert.StartsWith(field, message, StringComparison.Ordinal);
        Assert.Contains(problemText, message, StringComparison.Ordinal);
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), (await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, admin)).GetRawText());
    }

    [Fact]
    public async Task More_than_twenty_fallback_intents_are_400_naming_fallbackIntents()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("many"), "admin");
        var intents = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"\"intent_{i}\""));
        var tooLong = $"\"{new string('x', 101)}\"";

        var many = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin, Body($"\"fallbackIntents\": [{intents}]"));
        var long101 = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin, Body($"\"fallbackIntents\": [{tooLong}]"));

        Assert.Contains("at most 20", many.GetProperty("errors").GetProperty("fallbackIntents")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("1 to 100 characters", long101.GetProperty("errors").GetProperty("fallbackIntents")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_values_are_each_named()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("several"), "admin");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin,
            Body("\"reopenWindowHours\": 0, \"currency\": \"usd\", \"monthlyBudget\": -1"));

        Assert.Equal(["currency", "monthlyBudget", "reopenWindowHours"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_viewer_cannot_change_the_settings()
    {
        var tenant = AuthSilo.NewTenant("viewer");
        var viewer = await silo.TokenAsync(tenant, "viewer");

        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, Tenant, viewer, Body(AllSettings));

        var settings = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);
        Assert.Equal("USD", settings.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("monthlyBudget").ValueKind);
    }

    [Fact]
    public async Task One_tenants_analytics_settings_are_invisible_to_another_tenant()
    {
        var acme = AuthSilo.NewTenant("acme");
        var globex = AuthSilo.NewTenant("globex");
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, await silo.TokenAsync(acme, "admin"), Body(AllSettings));

        var theirs = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, await silo.TokenAsync(globex, "admin"));

        Assert.Equal(globex, theirs.GetProperty("tenant").GetString());
        Assert.Equal(24, theirs.GetProperty("reopenWindowHours").GetDouble());
        Assert.Equal(["fallback"], Strings(theirs.GetProperty("fallbackIntents")));
        Assert.Equal("USD", theirs.GetProperty("currency").GetString());
        Assert.All(["agentCostPerHour", "costPerHumanConversation", "monthlyBudget"],
            field => Assert.Equal(JsonValueKind.Null, theirs.GetProperty(field).ValueKind));
    }

    [Fact]
    public async Task The_api_reference_describes_the_settings_and_nothing_else()
    {
        var document = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "openapi/v1.json");

        var put = document.GetProperty("paths").GetProperty("/api/v2/tenant").GetProperty("put");
        Assert.Contains("720", put.GetProperty("description").GetString(), StringComparison.Ordinal);
        var schemaName = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty(schemaName).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(
            ["abandonAfterHours", "agentCostPerHour", "costPerHumanConversation", "currency", "displayName", "fallbackIntents", "language",
             "lowConfidenceThreshold", "monthlyBudget", "reopenWindowHours", "timeZone"],
            fields);
    }

    /// <summary>A PUT body: a valid name and zone, and <paramref name="fields"/> (JSON members).</summary>
    private static JsonElement Body(string fields)
    {
        var separator = fields.Length == 0 ? "" : ", ";
        using var document = JsonDocument.Parse($$"""{"displayName": "Settings", "timeZone": "UTC"{{separator}}{{fields}}}""");
        return document.RootElement.Clone();
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
