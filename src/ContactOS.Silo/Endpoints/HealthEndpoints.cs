using ContactOS.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ContactOS.Silo.Endpoints;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /health/live</c>: 200 while the process serves requests (no checks: a database outage must not get a
    /// healthy process restarted). <c>GET /health/ready</c>: 200 when the silo runs and the database answers, 503
    /// otherwise. Both answer JSON with each check's status.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health");
        health.MapHealthChecks("/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        health.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}
