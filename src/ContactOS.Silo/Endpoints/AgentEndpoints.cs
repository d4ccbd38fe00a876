using System.Globalization;
using System.Security.Claims;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

/// <summary>The agent figures' parameters (docs/analytics.md, "Agents"): the leaderboard's sort and an agent's day.</summary>
internal static class AgentEndpoints
{
    public static Task<Results<Ok<AgentLeaderboardReport>, ValidationProblem>> LeaderboardAsync(
        [AsParameters] PeriodQuery query, string? sort, PeriodContext context)
    {
        var order = string.IsNullOrEmpty(sort) ? AgentSort.Resolutions : sort;
        if (!AgentSort.IsSupported(order))
        {
            return Task.FromResult<Results<Ok<AgentLeaderboardReport>, ValidationProblem>>(
                PeriodContext.Invalid("sort", $"'{sort}' is not a sort order; use one of {string.Join(", ", AgentSort.All)}."));
        }

        return context.AnswerAsync(query, (tenant, period, now) => TenantAnalytics.AgentLeaderboardAsync(context.Grains, tenant, period, now, order));
    }

    public static async Task<Results<Ok<AgentActivityReport>, ValidationProblem, ProblemHttpResult>> ActivityAsync(
        string agentId, string? date, ClaimsPrincipal user, IGrainFactory grains, TenantTimeZones zones, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.GetAsync(tenantId, cancellationToken));
        var now = timeProvider.GetUtcNow();
        var day = TenantCalendar.LocalDate(now, zone);
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return PeriodContext.Invalid("date", $"'{date}' is not a date; use YYYY-MM-DD.");
        }

        return await TenantAnalytics.AgentActivityAsync(grains, tenantId, agentId, day, zone, now) is { } activity
            ? TypedResults.Ok(activity)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"The tenant has no agent '{agentId}'.");
    }
}
