using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Checks, before anything starts, that the addresses the web server will listen on are free. The Orleans silo starts
/// before the web server binds; a port already in use would otherwise be found only after the silo started, and its
/// hurried stop would bury the one sentence that says what to fix.
/// </summary>
internal static class ListenAddressCheck
{
    /// <summary>
    /// A silo port set in <c>Silo:Port</c> or <c>Silo:GatewayPort</c> that another process listens on means a second silo on
    /// one address. Orleans would start anyway and take the first silo for an older incarnation of itself, declaring
    /// it dead: refused here with a sentence instead.
    /// </summary>
    public static void ThrowIfSiloPortsInUse(SiloHostOptions options, ProcessRole role)
    {
        if (!role.HostsSilo)
        {
            return;
        }

        foreach (var (port, setting) in new[] { (options.Port, "Silo:Port"), (options.GatewayPort, "Silo:GatewayPort") })
        {
            if (port == 0 || (setting == "Silo:GatewayPort" && !role.InCluster))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new Microsoft.Extensions.Options.OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions),
                    [$"{setting} {port} is in use: another silo (or program) listens on it at this address, and two silos on one " +
                     "address would take each other for a restarted incarnation. Give each silo on a machine its own ports, or " +
                     "leave Silo:Port and Silo:GatewayPort at 0 to pick free ones."]);
            }
        }
    }

    /// <summary>Throws as the web server would (an <see cref="IOException"/> over <see cref="AddressInUseException"/>) for an address in use.</summary>
    public static void ThrowIfInUse(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.IsLoopback ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var parsed) ? parsed : null;
            if (address is null)
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(address, uri.Port);
                listener.Start();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.",
                    new AddressInUseException(exception.Message, exception));
            }
        }
    }
}
