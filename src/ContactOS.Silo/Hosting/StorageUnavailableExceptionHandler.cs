using ContactOS.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Any request that fails because the database cannot be reached answers 503 with Retry-After and a problem saying
/// nothing was changed; storage operations fail as a whole, so a retry is safe. Other unhandled errors stay 500s.
/// </summary>
internal sealed class StorageUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StorageUnavailableException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database is unavailable; nothing from this request was stored. Retry the same request later: " +
                    "event ids make ingestion retries safe.",
            },
        });
    }
}
