using System.Security.Claims;
using System.Text.Json.Serialization;
using ContactOS.Analytics.Insights;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using ContactOS.Storage.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

internal static class TenantEndpoints
{
    private const int MaxDisplayNameLength = 200;

    /// <summary>
    /// The caller's own tenant settings: <c>GET /api/v2/tenant</c> (policy Viewer) and <c>PUT /api/v2/tenant</c>
    /// (policy Admin) with <c>{"displayName":"Acme","timeZone":"Europe/Madrid","language":"es"}</c>. The tenant is always
    /// the caller's. A new time zone rebuilds the tenant's figures in it before the answer. <c>language</c> is the
    /// dashboard's default language; a PUT without it keeps the stored one. The analytics' settings
    /// (<see cref="AnalyticsSettingsInput"/>) follow the same rule: a field left out keeps its stored value.
    /// </summary>
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/v2/tenant").WithTags(ApiTags.Tenant);
        tenant.MapGet("/", GetAsync).RequireAuthorization(AuthPolicies.Viewer)
            .WithSummary("The tenant's display name, time zone, language and analytics settings")
            .WithDescription("The analytics settings are what the figures read at query time: reopenWindowHours and " +
                "abandonAfterHours (default 24), lowConfidenceThreshold (0.7), fallbackIntents ([\"fallback\"]), currency (ISO 4217, " +
                "USD), and agentCostPerHour, costPerHumanConversation and monthlyBudget (null until set). Definitions: docs/analytics.md.");
        tenant.MapPut("/", PutAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Change the tenant's display name, IANA time zone, language and analytics settings; a new zone rebuilds its figures before the answer")
            .WithDescription("displayName and timeZone are required; every other field left out keeps its stored value, and a " +
                "money field sent as null is cleared. Limits: reopenWindowHours and abandonAfterHours whole hours from 1 to " +
                "720; lowConfidenceThreshold 0 to 1 in steps of 0.01; fallbackIntents 0 to 20 distinct names of 1 to 100 " +
                "characters; currency an uppercase ISO 4217 code; agentCostPerHour, costPerHumanConversation and " +
                "monthlyBudget null or 0 to 1,000,000,000 with at most 6 decimals, in the currency. A value out of its " +
                "limits answers 400 naming the field, and nothing is changed.");
        tenant.MapGet("/set-aside-events", GetSetAsideAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Events the tenant's grains could not apply, set aside with the reason (the last 100)");
        return endpoints;
    }

    private static async Task<Ok<TenantResponse>> GetAsync(ClaimsPrincipal user, ITenantDirectory tenants, CancellationToken cancellationToken) =>
        TypedResults.Ok(TenantResponse.From(await tenants.GetAsync(user.GetTenantId(), cancellationToken)));

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem>> PutAsync(
        UpdateTenantRequest request, ClaimsPrincipal user, ITenantDirectory tenants, TenantTimeZones zones, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var displayName = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            errors["displayName"] = [$"displayName must be 1 to {MaxDisplayNameLength} characters."];
        }

        if (ValidateTimeZone(request.TimeZone) is { } timeZoneError)
        {
            errors["timeZone"] = [timeZoneError];
        }

        if (request.Language is not null && !InsightTexts.IsSupported(request.Language))
        {
            errors["language"] = [$"language '{request.Language}' is not supported; use one of: {string.Join(", ", InsightTexts.Languages)}."];
        }

        AnalyticsSettingsInput.Validate(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        var tenantId = user.GetTenantId();
        var before = await tenants.GetAsync(tenantId, cancellationToken);
        var stored = await tenants.UpsertAsync(
            tenantId, displayName!, request.TimeZone!, request.Language ?? before.Language,
            AnalyticsSettingsInput.Apply(request, before.Analytics), cancellationToken);
        zones.Forget(tenantId);
        if (!string.Equals(before.TimeZone, stored.TimeZone, StringComparison.Ordinal))
        {
            // Every figure moves to the new zone's hours and days before the answer, so the next read is consistent.
            await grains.GetGrain<ITenantPipelineGrain>(tenantId).ChangeTimeZone(stored.TimeZone);
        }

        return TypedResults.Ok(TenantResponse.From(stored));
    }

    private static async Task<Ok<SetAsideResponse>> GetSetAsideAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new SetAsideResponse(await grains.GetGrain<ITenantPipelineGrain>(user.GetTenantId()).GetSetAside()));

    /// <summary>Null when <paramref name="timeZone"/> is an IANA time zone id this machine knows; the problem otherwise.</summary>
    private static string? ValidateTimeZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return "timeZone is required: an IANA time zone id such as 'Europe/Madrid' or 'UTC'.";
        }

        // Windows ids ("Romance Standard Time") resolve on Linux too, but the stored id must mean the same everywhere.
        // Some ids are both ("UTC"): those are IANA ids and welcome.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(timeZone, out _)
            && TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZone, out var iana) && !string.Equals(iana, timeZone, StringComparison.Ordinal))
        {
            return $"timeZone '{timeZone}' is a Windows time zone id; use its IANA id, e.g. '{iana}'.";
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            return null;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"timeZone '{timeZone}' is not a known IANA time zone id (e.g. 'Europe/Madrid', 'America/New_York', 'UTC').";
        }
    }

    internal sealed record SetAsideResponse(IReadOnlyList<SetAsideEvent> Events);

    /// <summary>
    /// What a PUT sends. The analytics settings are optional: left out (or null), each keeps its stored value, except
    /// that a money field sent as null clears it, which is why those three remember whether they were sent at all.
    /// </summary>
    internal sealed record UpdateTenantRequest(string? DisplayName, string? TimeZone, string? Language)
    {
        /// <summary>Hours after a resolution within which a customer message reopens it: whole hours from 1 to 720.</summary>
        public double? ReopenWindowHours { get; init; }

        /// <summary>Hours without events after which an unresolved conversation is abandoned: whole hours from 1 to 720.</summary>
        public double? AbandonAfterHours { get; init; }

        /// <summary>Detections below this confidence are low-confidence: 0 to 1 in steps of 0.01.</summary>
        public double? LowConfidenceThreshold { get; init; }

        /// <summary>Intent names that mean the NLU found nothing better: 0 to 20 distinct names of 1 to 100 characters.</summary>
        public IReadOnlyList<string?>? FallbackIntents { get; init; }

        /// <summary>ISO 4217 code, uppercase, of the tenant's money figures.</summary>
        public string? Currency { get; init; }

        /// <summary>What an hour of a human agent's handle time costs; null clears it.</summary>
        public decimal? AgentCostPerHour { get; init { field = value; HasAgentCostPerHour = true; } }

        /// <summary>What a conversation handled by a human costs; null clears it.</summary>
        public decimal? CostPerHumanConversation { get; init { field = value; HasCostPerHumanConversation = true; } }

        /// <summary>The model spend budget of a calendar month; null clears it.</summary>
        public decimal? MonthlyBudget { get; init { field = value; HasMonthlyBudget = true; } }

        [JsonIgnore]
        public bool HasAgentCostPerHour { get; private init; }

        [JsonIgnore]
        public bool HasCostPerHumanConversation { get; private init; }

        [JsonIgnore]
        public bool HasMonthlyBudget { get; private init; }
    }

    /// <param name="Language">The dashboard's default language for the tenant: a BCP-47 primary tag, <c>en</c> or <c>es</c>.</param>
    /// <param name="ReopenWindowHours">A customer message this long after a resolution reopens the conversation.</param>
    /// <param name="AbandonAfterHours">An unresolved conversation idle this long is abandoned.</param>
    /// <param name="LowConfidenceThreshold">Intent detections below this confidence are low-confidence.</param>
    /// <param name="FallbackIntents">Intent names that mean the NLU found nothing better.</param>
    /// <param name="Currency">ISO 4217 code of the tenant's money figures.</param>
    /// <param name="AgentCostPerHour">What an hour of a human agent's handle time costs; null until set.</param>
    /// <param name="CostPerHumanConversation">What a conversation handled by a human costs; null until set.</param>
    /// <param name="MonthlyBudget">The model spend budget of a calendar month; null until set.</param>
    internal sealed record TenantResponse(
        string Tenant,
        string DisplayName,
        string TimeZone,
        string Language,
        int ReopenWindowHours,
        int AbandonAfterHours,
        double LowConfidenceThreshold,
        IReadOnlyList<string> FallbackIntents,
        string Currency,
        decimal? AgentCostPerHour,
        decimal? CostPerHumanConversation,
        decimal? MonthlyBudget)
    {
        public static TenantResponse From(TenantSettings settings)
        {
            var analytics = settings.Analytics;
            return new(
                settings.TenantId, settings.DisplayName, settings.TimeZone, settings.Language,
                analytics.ReopenWindowHours, analytics.AbandonAfterHours, analytics.LowConfidenceThreshold, analytics.FallbackIntents,
                analytics.Currency, analytics.AgentCostPerHour, analytics.CostPerHumanConversation, analytics.MonthlyBudget);
        }
    }
}
