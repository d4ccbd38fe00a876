using ContactOS.Silo.Live;
using Microsoft.OpenApi;

namespace ContactOS.Silo.Endpoints;

/// <summary>Adds the live-updates hub, a SignalR endpoint rather than an API handler, to the OpenAPI document.</summary>
internal static class LiveOpenApi
{
    public static void AddTo(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths.Add(AnalyticsHub.Path, new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Summary = "SignalR hub of live figures (WebSocket); the token may come as the access_token query parameter",
                    Description = $"Connect with a SignalR client, call Watch(period) with today, 7d, 30d or 90d, then receive " +
                        $"'{AnalyticsHub.SnapshotMethod}' once and '{AnalyticsHub.UpdateMethod}' whenever the figures change. Role viewer " +
                        "or admin; only the caller's own tenant. See docs/live-updates.md.",
                    Tags = new HashSet<OpenApiTagReference> { new(ApiTags.Live) },
                    Security = [new() { [new OpenApiSecuritySchemeReference(ApiReference.BearerScheme, document)] = [] }],
                    Responses = new OpenApiResponses
                    {
                        ["101"] = new OpenApiResponse { Description = "Switching to the WebSocket protocol" },
                        ["401"] = new OpenApiResponse { Description = "Not authenticated" },
                        ["403"] = new OpenApiResponse { Description = "The caller's roles do not allow watching" },
                    },
                },
            },
        });
    }
}
