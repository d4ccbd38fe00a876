using System.Security.Claims;
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
    /// dashboard's default language; a PUT without it keeps the stored one.
    /// </summary>
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/v2/tenant").WithTags(ApiTags.Tenant);
        tenant.MapGet("/", GetAsync).RequireAuthorization(AuthPolicies.Viewer).WithSummary("The tenant's display name and time zone");
        tenant.MapPut("/", PutAsync).RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("Change the tenant's display name and IANA time zone; a new zone rebuilds its figures before the answer");
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

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        var tenantId = user.GetTenantId();
        var before = await tenants.GetAsync(tenantId, cancellationToken);
        var stored = await tenants.UpsertAsync(tenantId, displayName!, request.TimeZone!, request.Language ?? before.Language, cancellationToken);
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

    internal sealed record UpdateTenantRequest(string? DisplayName, string? TimeZone, string? Language);

    /// <param name="Language">The dashboard's default language for the tenant: a BCP-47 primary tag, <c>en</c> or <c>es</c>.</param>
    internal sealed record TenantResponse(string Tenant, string DisplayName, string TimeZone, string Language)
    {
        public static TenantResponse From(TenantSettings settings) =>
            new(settings.TenantId, settings.DisplayName, settings.TimeZone, settings.Language);
    }
}
