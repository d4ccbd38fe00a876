namespace ContactOS.Silo.Auth;

/// <summary>
/// Demo mode (<c>Demo:Enabled=true</c>, or the Development environment): conveniences for local use that a production
/// deployment must not have, such as the dev-token endpoint and a generated signing key.
/// </summary>
internal static class DemoMode
{
    public const string EnabledKey = "Demo:Enabled";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue<bool>(EnabledKey);
}
