namespace ContactOS.Silo.Endpoints;

/// <summary>
/// What a client did wrong, logged once at information level with the client's text escaped (<see cref="ClientText"/>):
/// the server is fine, and an operator only needs to see it happened.
/// </summary>
internal static partial class ClientLog
{
    public static void BadRequest(ILogger logger, HttpRequest request, int status, string reason) =>
        LogBadRequest(logger, request.Method, ClientText.Escape(request.Path.Value), status, ClientText.Escape(reason));

    public static void Gone(ILogger logger, HttpRequest request) =>
        LogGone(logger, request.Method, ClientText.Escape(request.Path.Value));

    [LoggerMessage(1, LogLevel.Information, "{Method} {Path} answered {Status}: the client sent a request that cannot be read: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Path}: the client hung up before its request was read")]
    private static partial void LogGone(ILogger logger, string method, string path);
}
