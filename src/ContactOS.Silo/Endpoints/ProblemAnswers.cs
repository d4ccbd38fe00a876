namespace ContactOS.Silo.Endpoints;

/// <summary>
/// Every error answers <c>application/problem+json</c>: answers that come without a body (a challenge, a refusal, an
/// unknown route, a wrong method or content type, a body the framework could not bind) get one from the status code
/// pages, with a detail that says what to do.
/// </summary>
internal static class ProblemAnswers
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var http = context.HttpContext;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest =>
                "The request could not be read: check the JSON body and the parameters against the API reference at /docs.",
            StatusCodes.Status401Unauthorized =>
                "Authentication is required: send 'Authorization: Bearer <token>', or for event ingestion an 'X-Api-Key' header.",
            StatusCodes.Status403Forbidden => "The caller's roles do not allow this operation.",
            StatusCodes.Status404NotFound => http.Request.Path.StartsWithSegments("/api")
                ? "There is no such API route; the API reference is at /docs."
                : "There is nothing at this address.",
            StatusCodes.Status405MethodNotAllowed =>
                $"{http.Request.Method} is not allowed here; allowed: {string.Join(", ", http.Response.Headers.Allow.ToArray())}.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"The Content-Type '{ClientText.Escape(http.Request.ContentType)}' is not accepted here: send application/json " +
                "(events also as application/x-ndjson).",
            _ => null,
        };
    }
}
