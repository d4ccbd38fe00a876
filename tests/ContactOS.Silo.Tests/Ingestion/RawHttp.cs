using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>
/// HTTP/1.1 written by hand on a socket, for what no well-behaved client sends: malformed chunks, a body that stalls, a
/// client that hangs up mid-upload.
/// </summary>
internal static class RawHttp
{
    /// <summary>The request line and headers of <c>POST /api/v2/events</c> with an API key and one more header.</summary>
    public static string EventsHead(Credentials key, string header) =>
        $"POST /api/v2/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {key.ApiKey}\r\nContent-Type: application/json\r\n{header}\r\n\r\n";

    /// <summary>Writes <paramref name="request"/>, then reads the answer until the server closes or sent its whole body.</summary>
    public static async Task<(int Status, string Head, string Body)> SendAsync(Uri server, string request, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            if (Complete(Encoding.UTF8.GetString(received.ToArray())))
            {
                break;
            }
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"No HTTP answer: '{text}'");
        var head = text[..end];
        return (int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture), head, Body(head, text[(end + 4)..]));
    }

    /// <summary>
    /// Writes <paramref name="head"/> (which asks <c>Expect: 100-continue</c>), waits for the server's 100 Continue, which
    /// it sends once the endpoint reads the body, writes <paramref name="partOfBody"/> and closes the connection.
    /// </summary>
    public static async Task SendPartAndHangUpAsync(Uri server, string head, string partOfBody)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        Assert.StartsWith("HTTP/1.1 100", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(partOfBody), timeout.Token);
        client.Client.Shutdown(SocketShutdown.Both);
    }

    private static bool Complete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = text[..end];
        var rest = text[(end + 4)..];
        return head.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : ContentLength(head) is not { } length || Encoding.UTF8.GetByteCount(rest) >= length;
    }

    private static int? ContentLength(string head) =>
        head.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
            ? int.Parse(header["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>The body, de-chunked when the answer came in chunks.</summary>
    private static string Body(string head, string rest)
    {
        if (!head.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return rest;
        }

        var body = new StringBuilder();
        while (true)
        {
            var line = rest.IndexOf("\r\n", StringComparison.Ordinal);
            var size = int.Parse(rest[..line], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(rest, line + 2, size);
            rest = rest[(line + 2 + size + 2)..];
        }
    }
}
