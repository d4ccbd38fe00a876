using System.Security.Claims;
using ContactOS.Analytics.Insights;
using ContactOS.Analytics.Periods;
using ContactOS.Grains.Queries;
using ContactOS.Runtime;
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
        var analytics = endpoints.MapGroup("/api/v2/analytics").RequireAuthorization(AuthPolicies.Viewer).WithTags("Analytics");
        analytics.MapGet("/kpis", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, now) => TenantAnalytics.KpisAsync(context.Grains, tenant, period, now)))
            .WithSummary("The six KPIs, each with the value of the previous equal period");
        analytics.MapGet("/resolution-split", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.ResolutionSplitAsync(context.Grains, tenant, period)))
            .WithSummary("Conversations resolved by AI and by a human");
        analytics.MapGet("/handoff-reasons", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.HandoffReasonsAsync(context.Grains, tenant, period)))
            .WithSummary("Conversations by handoff reason");
        analytics.MapGet("/top-intents", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.TopIntentsAsync(context.Grains, tenant, period)))
            .WithSummary("The five most frequent intents");
        analytics.MapGet("/volume", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.VolumeAsync(context.Grains, tenant, period)))
            .WithSummary("AI- and human-resolved conversations per bucket");
        analytics.MapGet("/sentiment-trend", ([AsParameters] PeriodQuery query, PeriodContext context) =>
                context.AnswerAsync(query, (tenant, period, _) => TenantAnalytics.SentimentTrendAsync(context.Grains, tenant, period)))
            .WithSummary("Mean sentiment per bucket, AI phase against human phase");
        analytics.MapGet("/insights", InsightsAsync)
            .WithSummary("What goes well and what needs attention, in English (lang=en) or Spanish (lang=es)");

        endpoints.MapGet("/api/v2/agents", async (ClaimsPrincipal user, IGrainFactory grains) =>
                TypedResults.Ok(await TenantAnalytics.AgentsAsync(grains, user.GetTenantId())))
            .RequireAuthorization(AuthPolicies.Viewer)
            .WithTags("Agents")
            .WithSummary("The human agents roster: name, status (online, busy, offline), since when, open conversations assigned");
        return endpoints;
    }

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
