namespace ContactOS.Silo.Hosting;

internal static class ContactOSConfigurationExtensions
{
    /// <summary>The prefix of environment variables that configure ContactOS, e.g. <c>CONTACTOS_Storage__Provider</c>.</summary>
    public const string EnvironmentPrefix = "CONTACTOS_";

    /// <summary>
    /// Adds the ContactOS sources over the web defaults, lowest to highest precedence: appsettings.json, plain
    /// environment variables (<c>Urls</c>), <c>ASPNETCORE_</c> variables, <c>CONTACTOS_</c> variables, command line.
    /// </summary>
    public static IConfigurationBuilder AddContactOSSources(this IConfigurationBuilder configuration, string[] args)
    {
        // The web defaults read ASPNETCORE_* before appsettings.json, so the file's Urls would silently beat
        // ASPNETCORE_URLS; adding them again above the file gives the precedence operators expect.
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        // The command line was added by the defaults already; added last again, it beats the variables above.
        configuration.AddCommandLine(args);
        return configuration;
    }
}
