using System.Net;
using System.Net.Sockets;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>Loopback ports nobody listens on right now, for silo and gateway endpoints.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
