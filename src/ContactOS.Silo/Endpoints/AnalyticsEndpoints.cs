using System.Security.Claims;
using ContactOS.Analytics.Insights;
using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Grains.Queries;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// The analytics read API (policy Viewer), always scoped to the caller's own tenant. Every endpoint takes
/// <c>period=today|7d|30d|90d</c> (default today) or <c>from</c>/<c>to</c>, and optionally <c>interval=hour|day</c>;
/// a bad value is a 400 problem naming the parameter. Definitions: docs/analytics.md.
/// </summary>
internal static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/v2/analytics").RequireAuthorization(AuthPolicies.Viewer).WithTags(ApiTags.Analytics);
        analytics.MapPeriodQuery("/kpis", "The six KPIs, each with the value of the previous equal period", TenantAnalytics.KpisAsync);
        analytics.MapPeriodQuery("/resolution-split", "Conversations resolved by AI and by a human",
            (grains, tenant, period, _) => TenantAnalytics.ResolutionSplitAsync(grains, tenant, period));
        analytics.MapPeriodQuery("/handoff-reasons", "Conversations by handoff reason",
            (grains, tenant, period, _) => TenantAnalytics.HandoffReasonsAsync(grains, tenant, period));
        analytics.MapPeriodQuery("/top-intents", "The five most frequent intents",
            (grains, tenant, period, _) => TenantAnalytics.TopIntentsAsync(grains, tenant, period));
        analytics.MapPeriodQuery("/volume", "AI- and human-resolved conversations per bucket",
            (grains, tenant, period, _) => TenantAnalytics.VolumeAsync(grains, tenant, period));
        analytics.MapPeriodQuery("/sentiment-trend", "Mean sentiment per bucket, AI phase against human phase",
            (grains, tenant, period, _) => TenantAnalytics.SentimentTrendAsync(grains, tenant, period));
        analytics.MapPeriodQuery("/response-times", "First response, human first response, handle and resolution times: count, mean and p50/p90/p95/p99 in seconds",
            (grains, tenant, period, _) => TenantAnalytics.ResponseTimesAsync(grains, tenant, period));
        analytics.MapSettingsQuery("/quality", "CSAT, NPS, feedback response, reopen, first-contact resolution, transfer and abandonment, for AI and for human",
            TenantAnalytics.QualityAsync);
        analytics.MapSettingsQuery("/intents", "Intent distribution with mean confidence, confidence histogram, low-confidence and fallback rates",
            (grains, tenant, period, _, settings) => TenantAnalytics.IntentsAsync(grains, tenant, period, settings));
        analytics.MapPeriodQuery("/tools", "Tool calls: success rate and latency percentiles (ms) per tool",
            (grains, tenant, period, _) => TenantAnalytics.ToolsAsync(grains, tenant, period));
        analytics.MapSettingsQuery("/drop-off", "Conversations abandoned without a resolution, by their last intent", TenantAnalytics.DropOffAsync);
        analytics.MapSettingsQuery("/costs", "Model spend by model, cost per AI and per human resolution, automation savings, the monthly budget",
            TenantAnalytics.CostsAsync);
        analytics.MapGet("/insights", InsightsAsync)
            .WithSummary("What goes well and what needs attention, in English (lang=en) or Spanish (lang=es)");
        analytics.MapGet("/agents", AgentEndpoints.LeaderboardAsync)
            .WithSummary("Per agent: conversations handled, resolutions, handle time, CSAT, occupancy and utilization; sort=resolutions|handled|csat|handleTime|occupancy");
        analytics.MapPeriodQuery("/heatmap", "Conversations started and agent occupancy by local weekday and hour (7 x 24 cells)", TenantAnalytics.HeatmapAsync);

        endpoints.MapGet("/api/v2/agents", async (ClaimsPrincipal user, IGrainFactory grains, TenantTimeZones zones, CancellationToken cancellationToken) =>
            {
                var tenantId = user.GetTenantId();
                var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.GetAsync(tenantId, cancellationToken));
                return TypedResults.Ok(await TenantAnalytics.AgentsAsync(grains, tenantId, zone));
            })
            .RequireAuthorization(AuthPolicies.Viewer)
            .WithTags(ApiTags.Agents)
            .WithSummary("The human agents roster: name, status (online, busy, offline), since when (in the tenant's time zone), open conversations assigned");
        endpoints.MapGet("/api/v2/agents/{agentId}/activity", AgentEndpoints.ActivityAsync)
            .RequireAuthorization(AuthPolicies.Viewer)
            .WithTags(ApiTags.Agents)
            .WithSummary("An agent's status intervals over a local day (date=YYYY-MM-DD, default today) and the time per status");
        return endpoints;
    }

    private static void MapPeriodQuery<T>(
        this RouteGroupBuilder group, string path, string summary, Func<IGrainFactory, string, ResolvedPeriod, DateTimeOffset, Task<T>> query) =>
        group.MapGet(path, ([AsParameters] PeriodQuery period, PeriodContext context) =>
                context.AnswerAsync(period, (tenant, resolved, now) => query(context.Grains, tenant, resolved, now)))
            .WithSummary(summary);

    private static void MapSettingsQuery<T>(
        this RouteGroupBuilder group, string path, string summary,
        Func<IGrainFactory, string, ResolvedPeriod, DateTimeOffset, AnalyticsSettings, Task<T>> query) =>
        group.MapGet(path, ([AsParameters] PeriodQuery period, PeriodContext context) =>
                context.AnswerAsync(period, async (tenant, resolved, now) =>
                    await query(context.Grains, tenant, resolved, now, await context.SettingsAsync(tenant))))
            .WithSummary(summary);

    private static Task<Results<Ok<InsightsReport>, ValidationProblem>> InsightsAsync([AsParameters] PeriodQuery query, string? lang, PeriodContext context)
    {
        var language = string.IsNullOrEmpty(lang) ? "en" : lang;
        if (!InsightTexts.IsSupported(language))
        {
            return Task.FromResult<Results<Ok<InsightsReport>, ValidationProblem>>(
                PeriodContext.Invalid("lang", $"'{lang}' is not a supported language; use 'en' or 'es'."));
        }

        return context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.InsightsAsync(context.Grains, tenant, period, language));
    }
}
