using System.Net;
using ContactOS.Silo.Tests.Hosting;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Auth;

/// <summary>
/// Demo mode and the signing key: what start-up accepts and which routes exist (the host in the test process), and what
/// it refuses (a process, for its exit code and its one paragraph on stderr).
/// </summary>
public sealed class AuthStartupTests
{
    private const int InvalidConfiguration = 2;
    private static readonly TimeSpan s_exitLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task With_demo_disabled_the_dev_token_route_does_not_exist_and_configured_tokens_still_work()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = await SiloFactory.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = data.Path,
            ["Demo:Enabled"] = "false",
            ["Auth:Jwt:SigningKey"] = AuthSilo.SigningKey,
        });

        using var devToken = await AuthSilo.SendAsync(silo, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant = "acme", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);

        var token = TestTokens.Create(AuthSilo.SigningKey, "acme", ["viewer"]);
        using var whoami = await AuthSilo.SendAsync(silo, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(token));
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.DoesNotContain("Demo mode is on", silo.Output);
    }

    [Fact]
    public async Task Without_a_signing_key_outside_demo_mode_start_up_fails_naming_the_setting()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Demo:Enabled", "false"],
        });

        Assert.Equal(InvalidConfiguration, await silo.WaitForExitAsync(s_exitLimit));
        Assert.Contains("Auth:Jwt:SigningKey", silo.StandardError);
        Assert.DoesNotContain("   at ", silo.StandardError);
    }

    [Fact]
    public async Task A_too_short_signing_key_fails_start_up_naming_the_setting_without_echoing_it()
    {
        const string shortKey = "too-short-secret";
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Environment = new Dictionary<string, string> { ["CONTACTOS_Auth__Jwt__SigningKey"] = shortKey },
        });

        Assert.Equal(InvalidConfiguration, await silo.WaitForExitAsync(s_exitLimit));
        Assert.Contains("Auth:Jwt:SigningKey", silo.StandardError);
        Assert.DoesNotContain(shortKey, silo.Output);
    }

    [Fact]
    public async Task The_default_settings_run_in_demo_mode_with_a_generated_key_and_warn_about_it()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = await SiloFactory.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = data.Path,
            ["Demo:Traffic"] = "false",
        });

        Assert.Contains("random signing key generated at start-up", silo.Output);
        using var devToken = await AuthSilo.SendAsync(silo, HttpMethod.Post, "api/v2/auth/dev-token", body: new { tenant = "acme", roles = new[] { "viewer" } });
        Assert.Equal(HttpStatusCode.OK, devToken.StatusCode);
        // A token signed with anything else, including a key someone might guess, is refused.
        using var forged = await AuthSilo.SendAsync(silo, HttpMethod.Get, "api/v2/auth/whoami", Credentials.Bearer(TestTokens.Create(AuthSilo.SigningKey, "acme", ["admin"])));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
