using System.Net.Sockets;
using ContactOS.Storage;
using ContactOS.Storage.Configuration;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Runs the host and turns how it ended into the process exit code. Failures an operator causes and can fix
/// (a bad setting, a database that is not there, a port in use) are reported as one paragraph on stderr that
/// says what to fix; a stack trace would only bury that. Anything else is a defect and keeps its stack trace.
/// </summary>
internal static class SiloProgram
{
    public const int Success = 0;
    public const int UnexpectedError = 1;
    public const int InvalidConfiguration = 2;
    public const int StorageUnavailable = 3;

    private const string SettingsHint =
        "Settings come from appsettings.json, environment variables (CONTACTOS_Section__Key, e.g. " +
        "CONTACTOS_Storage__Provider) and the command line (--Section:Key value, e.g. --Storage:Provider postgres).";

    public static async Task<int> RunAsync(Func<Task> run)
    {
        try
        {
            await run();
            return Success;
        }
        catch (Exception ex)
        {
            var (exitCode, message) = Describe(ex);
            await Console.Error.WriteLineAsync(message);
            return exitCode;
        }
    }

    private static (int ExitCode, string Message) Describe(Exception exception)
    {
        var causes = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        if (SiloAddressInUse(exception) is { } inUse)
        {
            return (InvalidConfiguration, $"ContactOS silo failed to start: {inUse} {SettingsHint}");
        }

        var known = causes.Select(Known).ToList();
        if (known.Any(k => k is null))
        {
            return (UnexpectedError, $"ContactOS silo failed: {exception}");
        }

        var text = string.Join(" ", known.Select(k => k!.Value.Message.TrimEnd()));
        var exitCode = known.Max(k => k!.Value.ExitCode);
        var hint = exitCode == InvalidConfiguration ? " " + SettingsHint : "";
        return (exitCode, $"ContactOS silo failed to start: {text}{hint}");
    }

    private static (int ExitCode, string Message)? Known(Exception exception) => exception switch
    {
        OptionsValidationException validation => (InvalidConfiguration, string.Join(" ", validation.Failures)),
        StorageUnavailableException unavailable => (StorageUnavailable, unavailable.Message),
        StorageConfigurationException storage => (InvalidConfiguration, storage.Message),
        // The binder names the key, the value and the type it wanted ("... at 'Silo:CallTimeout' to type 'TimeSpan'").
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } binding
            when IsFromConfigurationBinder(binding) => (InvalidConfiguration, binding.Message),
        IOException { InnerException: AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } bind =>
            (InvalidConfiguration, $"{bind.Message} Stop the other program or choose another address with Urls " +
                "(--urls, ASPNETCORE_URLS or CONTACTOS_Urls)."),
        _ => null,
    };

    /// <summary>
    /// Orleans could not listen on the silo or gateway port: another silo (or program) has it. Orleans reports it deep
    /// inside its start-up's failure; the operator needs the sentence.
    /// </summary>
    private static string? SiloAddressInUse(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException ?? (cause as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } && !IsWebServerBind(exception))
            {
                return "The silo's port is in use: another silo or program listens on Silo:Port or Silo:GatewayPort at this " +
                    "address. Give each silo on a machine its own ports, or leave both at 0 to pick free ones.";
            }
        }

        return null;
    }

    private static bool IsWebServerBind(Exception exception) =>
        exception is IOException { InnerException: AddressInUseException or SocketException };

    private static bool IsFromConfigurationBinder(Exception exception) =>
        exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.Extensions.Configuration.ConfigurationBinder", StringComparison.Ordinal) == true;
}
