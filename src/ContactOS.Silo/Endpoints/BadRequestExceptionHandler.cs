using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// A request the server could not read because of the client: a malformed chunked body, a body sent slower than
/// Kestrel's minimum data rate (408), a body cut short by a client that hung up. These are the client's doing, not
/// the server's: one information line (the client's text escaped) and a problem answer with Kestrel's status, instead
/// of a 500 and a stack trace at error level.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Nobody is left to answer.
            ClientLog.Gone(logger, request);
            return true;
        }

        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        ClientLog.BadRequest(logger, request, bad.StatusCode, bad.Message);
        var problem = Problem(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem.ProblemDetails });
    }

    /// <summary>The problem answer for a request that could not be read, with Kestrel's status.</summary>
    public static ProblemHttpResult Problem(BadHttpRequestException bad) => TypedResults.Problem(
        statusCode: bad.StatusCode,
        title: bad.StatusCode == StatusCodes.Status408RequestTimeout ? "Request body too slow" : "Unreadable request",
        detail: bad.StatusCode == StatusCodes.Status408RequestTimeout
            ? "The request body arrived slower than the server's minimum data rate; send it again without pauses."
            : $"The request could not be read: {bad.Message}");
}
