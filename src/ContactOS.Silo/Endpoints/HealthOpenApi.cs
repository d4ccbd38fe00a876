using Microsoft.OpenApi;

namespace ContactOS.Silo.Endpoints;

/// <summary>Adds the health probes, which are health-check endpoints rather than API handlers, to the OpenAPI document.</summary>
internal static class HealthOpenApi
{
    public static void AddTo(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths.Add("/health/live", Probe("Liveness: 200 while the process runs."));
        document.Paths.Add("/health/ready", Probe("Readiness: 200 when the silo and its database are usable, 503 otherwise."));
    }

    private static OpenApiPathItem Probe(string summary) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new(ApiTags.Health) },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "Healthy" },
                    ["503"] = new OpenApiResponse { Description = "Unhealthy" },
                },
            },
        },
    };
}
