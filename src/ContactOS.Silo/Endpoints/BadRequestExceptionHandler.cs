using Microsoft.AspNetCore.Diagnostics;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// A request the server could not read because of the client: a malformed chunked body, a body sent slower than
/// Kestrel's minimum data rate (408), a body cut short by a client that hung up. These are the client's doing, not
/// the server's: one information line (the client's text escaped) and a problem answer with Kestrel's status, instead
/// of a 500 and a stack trace at error level.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Nobody is left to answer.
            LogClientGone(logger, request.Method, ClientText.Escape(request.Path.Value));
            return true;
        }

        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        LogBadRequest(logger, request.Method, ClientText.Escape(request.Path.Value), bad.StatusCode, ClientText.Escape(bad.Message));
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status408RequestTimeout ? "Request body too slow" : "Unreadable request",
                Detail = bad.StatusCode == StatusCodes.Status408RequestTimeout
                    ? "The request body arrived slower than the server's minimum data rate; send it again without pauses."
                    : $"The request could not be read: {bad.Message}",
            },
        });
    }

    [LoggerMessage(1, LogLevel.Information, "{Method} {Path} answered {Status}: the client sent a request that cannot be read: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Path}: the client hung up before the request was read")]
    private static partial void LogClientGone(ILogger logger, string method, string path);
}
