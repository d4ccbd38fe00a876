using System.Security.Claims;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using ContactOS.Runtime;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

internal static class AnalyticsEndpoints
{
    /// <summary>
    /// <c>GET /api/v2/analytics/kpis</c> (policy Viewer): the six KPIs of the caller's tenant for
    /// <c>period=today|7d|30d|90d</c> (default today) or <c>from</c>/<c>to</c>, each with its previous-period value.
    /// A bad period or date is a 400 problem naming the parameter.
    /// </summary>
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/v2/analytics").RequireAuthorization(AuthPolicies.Viewer);
        analytics.MapGet("/kpis", KpisAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<KpiReport>, ValidationProblem>> KpisAsync(
        string? period, string? from, string? to, string? interval,
        ClaimsPrincipal user, IGrainFactory grains, TenantTimeZones zones, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.GetAsync(tenantId, cancellationToken));
        var now = timeProvider.GetUtcNow();
        if (!PeriodResolver.TryResolve(period, from, to, interval, now, zone, out var resolved, out var error))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [error!.Parameter] = [error.Message] }, detail: error.Message, title: "Invalid period");
        }

        return TypedResults.Ok(await TenantAnalytics.KpisAsync(grains, tenantId, resolved!, now));
    }
}
