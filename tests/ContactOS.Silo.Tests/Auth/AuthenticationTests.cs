using System.Net;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>Bearer tokens against the real host: who gets in, who is refused, and with which status.</summary>
public sealed class AuthenticationTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    [Fact]
    public async Task A_dev_token_authenticates_as_its_tenant_and_roles()
    {
        var tenant = AuthSilo.NewTenant("acme");
        var admin = await silo.TokenAsync(tenant, "admin", "viewer");

        var me = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/auth/whoami", admin);

        Assert.Equal(tenant, me.GetProperty("tenant").GetString());
        Assert.Equal(["admin", "viewer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
    }

    [Theory]
    [InlineData("Acme", "admin", "tenant")]
    [InlineData("", "admin", "tenant")]
    [InlineData("acme/../globex", "admin", "tenant")]
    [InlineData("acme", "root", "roles")]
    public async Task A_dev_token_request_with_a_bad_tenant_or_role_is_400_naming_the_field(string tenant, string role, string field)
    {
        var problem = await silo.ExpectAsync(
            HttpStatusCode.BadRequest, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant, roles = new[] { role } });

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Without_credentials_every_api_endpoint_is_401()
    {
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami");
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/admin/api-keys");
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "api/v2/admin/api-keys", body: new { name = "x" });
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/tenant");
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Put, "api/v2/tenant", body: new { displayName = "x", timeZone = "UTC" });
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = TestTokens.Create("another-signing-key-that-is-long-enough-0123", "acme", ["admin"]);

        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(forged));
    }

    [Fact]
    public async Task An_expired_token_is_401_while_the_same_token_unexpired_works()
    {
        var tenant = AuthSilo.NewTenant("acme");
        // Beyond the one-minute clock skew.
        var expired = TestTokens.Create(AuthSilo.SigningKey, tenant, ["admin"], DateTimeOffset.UtcNow.AddMinutes(-5));
        var valid = TestTokens.Create(AuthSilo.SigningKey, tenant, ["admin"], DateTimeOffset.UtcNow.AddMinutes(5));

        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(expired));
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(valid));
    }

    [Fact]
    public async Task A_token_without_a_valid_tenant_claim_is_401()
    {
        var noTenant = TestTokens.Create(AuthSilo.SigningKey, null, ["admin"]);
        var badTenant = TestTokens.Create(AuthSilo.SigningKey, "ACME corp", ["admin"]);

        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(noTenant));
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/tenant", Credentials.Bearer(badTenant));
    }

    [Fact]
    public async Task A_token_for_another_issuer_or_audience_is_401()
    {
        var otherIssuer = TestTokens.Create(AuthSilo.SigningKey, "acme", ["admin"], issuer: "someone-else");
        var otherAudience = TestTokens.Create(AuthSilo.SigningKey, "acme", ["admin"], audience: "someone-else");

        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(otherIssuer));
        await silo.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(otherAudience));
    }

    [Fact]
    public async Task A_viewer_calling_admin_endpoints_is_403()
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "viewer");

        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v2/admin/api-keys", viewer);
        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "api/v2/admin/api-keys", viewer, new { name = "x" });
        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, "api/v2/tenant", viewer, new { displayName = "x", timeZone = "UTC" });
        await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/tenant", viewer);
    }

    [Fact]
    public async Task An_ingest_token_cannot_read_tenant_settings()
    {
        var ingest = await silo.TokenAsync(AuthSilo.NewTenant("acme"), "ingest");

        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v2/tenant", ingest);
    }

    [Fact]
    public async Task Error_answers_do_not_echo_the_signing_key()
    {
        using var response = await silo.SendAsync(HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer("not-a-jwt"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(AuthSilo.SigningKey, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(AuthSilo.SigningKey, silo.Output);
    }
}
