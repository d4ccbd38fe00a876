namespace ContactOS.Silo.Auth;

/// <summary>Says at start-up what an operator must know about authentication: demo conveniences that are on.</summary>
internal sealed partial class AuthStartupLog(
    JwtSigningKey signingKey, IConfiguration configuration, IHostEnvironment environment, ILogger<AuthStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (signingKey.IsGenerated)
        {
            LogGeneratedKey(logger, JwtOptions.SectionName);
        }

        if (DemoMode.IsOn(configuration, environment))
        {
            LogDemoMode(logger, DemoMode.EnabledKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "No {Section}:SigningKey is configured: using a random signing key generated at start-up (demo mode). " +
        "Tokens issued by this process will not be accepted after a restart or by other silos")]
    private static partial void LogGeneratedKey(ILogger logger, string section);

    [LoggerMessage(2, LogLevel.Warning, "Demo mode is on ({Setting}=true or the Development environment): anyone who can reach " +
        "POST /api/v2/auth/dev-token can get a token for any tenant. Production deployments must set {Setting}=false")]
    private static partial void LogDemoMode(ILogger logger, string setting);
}
