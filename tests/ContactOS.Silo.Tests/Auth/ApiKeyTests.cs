using System.Net;
using System.Text.Json;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>Per-tenant ingest API keys over real HTTP: create, use, list, revoke, and never across tenants.</summary>
public sealed class ApiKeyTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private const string Keys = "api/v2/admin/api-keys";

    [Fact]
    public async Task A_created_key_authenticates_as_ingest_of_its_tenant_until_revoked_even_while_cached()
    {
        var tenant = AuthSilo.NewTenant("acme");
        var admin = await silo.TokenAsync(tenant, "admin");

        var created = await silo.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Keys, admin, new { name = "desk-integration" });
        var id = created.GetProperty("id").GetString()!;
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("cos_", key);
        Assert.Equal("desk-integration", created.GetProperty("name").GetString());
        Assert.True(created.TryGetProperty("createdAt", out _));

        var me = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Key(key));
        Assert.Equal(tenant, me.GetProperty("tenant").GetString());
        Assert.Equal(["ingest"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // Second use comes from the cache.
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Key(key));

        await silo.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Keys}/{id}", admin);

        // Within the 30 s cache window: revocation on this silo takes effect at once.
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Key(key));
        var listed = Assert.Single((await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Keys, admin)).EnumerateArray());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task The_list_shows_names_and_prefixes_but_never_the_secret()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "admin");
        var created = await silo.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Keys, admin, new { name = "desk" });
        var key = created.GetProperty("key").GetString()!;

        using var response = await silo.SendAsync(HttpMethod.Get, Keys, admin);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(key, text);
        Assert.DoesNotContain(key[4..], text);
        using var document = JsonDocument.Parse(text);
        var listed = Assert.Single(document.RootElement.EnumerateArray());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.Equal("desk", listed.GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), listed.GetProperty("id").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(key, silo.Output);
    }

    [Fact]
    public async Task An_api_key_is_ingest_only_and_cannot_administer_its_tenant()
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "admin");
        var key = (await silo.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Keys, admin, new { name = "k" })).GetProperty("key").GetString()!;

        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Keys, Credentials.Key(key));
        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Keys, Credentials.Key(key), new { name = "more" });
        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v2/tenant", Credentials.Key(key));
    }

    [Theory]
    [InlineData("cos_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task An_unknown_or_malformed_key_is_401(string key) =>
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Key(key));

    [Fact]
    public async Task One_tenants_admin_can_neither_see_nor_revoke_another_tenants_keys()
    {
        var acme = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "admin");
        var globex = await silo.TokenAsync(AuthSilo.NewTenant("globex"), "admin");
        var created = await silo.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Keys, acme, new { name = "acme-desk" });
        var id = created.GetProperty("id").GetString()!;
        var key = created.GetProperty("key").GetString()!;

        Assert.Empty((await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Keys, globex)).EnumerateArray());
        var notFound = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Keys}/{id}", globex);
        var missing = await silo.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Keys}/no-such-id", globex);

        // The same answer as for an id that does not exist: nothing tells globex the key is there.
        Assert.Equal(missing.GetProperty("detail").GetString(), notFound.GetProperty("detail").GetString());
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Key(key));
        Assert.Single((await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Keys, acme)).EnumerateArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Creating_a_key_without_a_name_is_400_naming_the_field(string name)
    {
        var admin = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "admin");

        var problem = await silo.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Keys, admin, new { name });

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }
}
