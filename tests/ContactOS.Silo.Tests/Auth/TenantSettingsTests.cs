using System.Net;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>A tenant's settings: read by its viewers, changed by its admins, invisible to every other tenant.</summary>
public sealed class TenantSettingsTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private const string Tenant = "api/v2/tenant";

    [Fact]
    public async Task A_new_tenant_reads_defaults_and_an_admin_update_is_read_back()
    {
        var tenant = AuthSilo.NewTenant("acme");
        var admin = await silo.TokenAsync(tenant, "admin");
        var viewer = await silo.TokenAsync(tenant, "viewer");

        var defaults = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);
        Assert.Equal(tenant, defaults.GetProperty("displayName").GetString());
        Assert.Equal("UTC", defaults.GetProperty("timeZone").GetString());

        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, new { displayName = "Acme", timeZone = "Europe/Madrid" });

        var read = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);
        Assert.Equal(tenant, read.GetProperty("tenant").GetString());
        Assert.Equal("Acme", read.GetProperty("displayName").GetString());
        Assert.Equal("Europe/Madrid", read.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Asia/Kolkata")]
    public async Task Iana_ids_are_accepted_including_those_windows_shares(string timeZone)
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("zones"), "admin");

        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, new { displayName = "Zones", timeZone });

        Assert.Equal(timeZone, (await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, admin)).GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Romance Standard Time")]
    public async Task An_unknown_time_zone_is_400_naming_timeZone_and_changes_nothing(string timeZone)
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "admin");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin, new { displayName = "Acme", timeZone });

        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), problem.ToString());
        Assert.Contains("timeZone", problem.GetProperty("detail").GetString());
        Assert.Equal("UTC", (await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, admin)).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task One_tenants_settings_are_invisible_to_another_tenant()
    {
        var acme = AuthSilo.NewTenant("acme");
        var globex = AuthSilo.NewTenant("globex");
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, await silo.TokenAsync(acme, "admin"),
            new { displayName = "Acme Secret Name", timeZone = "Asia/Tokyo" });

        var theirs = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, await silo.TokenAsync(globex, "viewer"));

        Assert.Equal(globex, theirs.GetProperty("tenant").GetString());
        Assert.Equal(globex, theirs.GetProperty("displayName").GetString());
        Assert.Equal("UTC", theirs.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task A_tenant_speaks_english_until_an_admin_sets_spanish_which_later_updates_keep()
    {
        var tenant = AuthSilo.NewTenant("lang");
        var admin = await silo.TokenAsync(tenant, "admin");
        var viewer = await silo.TokenAsync(tenant, "viewer");

        var before = (await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer)).GetProperty("language").GetString();
        var answered = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, new { displayName = "Lang", timeZone = "UTC", language = "es" });
        // A client that does not know the field (an older dashboard) renames the tenant without resetting its language.
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Tenant, admin, new { displayName = "Lang SA", timeZone = "Europe/Madrid" });
        var after = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, viewer);

        Assert.Equal("en", before);
        Assert.Equal("es", answered.GetProperty("language").GetString());
        Assert.Equal("es", after.GetProperty("language").GetString());
        Assert.Equal("Lang SA", after.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es-ES")]
    [InlineData("EN")]
    [InlineData("")]
    public async Task An_unsupported_language_is_400_naming_language_and_the_allowed_ones_and_changes_nothing(string language)
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("lang"), "admin");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, Tenant, admin, new { displayName = "Lang", timeZone = "UTC", language });

        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _), problem.ToString());
        Assert.Contains("language", problem.GetProperty("detail").GetString());
        Assert.Contains("en, es", problem.GetProperty("detail").GetString());
        var settings = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Tenant, admin);
        Assert.Equal("en", settings.GetProperty("language").GetString());
        Assert.NotEqual("Lang", settings.GetProperty("displayName").GetString());
    }
}
