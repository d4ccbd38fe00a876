using ContactOS.Analytics.Periods;
using ContactOS.Analytics.Settings;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// What an analytics endpoint needs to answer: the caller's tenant, its time zone and the clock. Resolves the period
/// parameters in the tenant's time and answers 400 with the parameter named when they are bad.
/// </summary>
internal sealed class PeriodContext(IHttpContextAccessor accessor, IGrainFactory grains, TenantTimeZones zones, TimeProvider timeProvider)
{
    public IGrainFactory Grains => grains;

    public async Task<Results<Ok<T>, ValidationProblem>> AnswerAsync<T>(
        PeriodQuery query, Func<string, ResolvedPeriod, DateTimeOffset, Task<T>> answer)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No current request.");
        var tenantId = http.User.GetTenantId();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.GetAsync(tenantId, http.RequestAborted));
        var now = timeProvider.GetUtcNow();
        if (!PeriodResolver.TryResolve(query.Period, query.From, query.To, query.Interval, now, zone, out var period, out var error))
        {
            return Invalid(error!.Parameter, error.Message);
        }

        return TypedResults.Ok(await answer(tenantId, period!, now));
    }

    /// <summary>The tenant's settings the second wave's figures read.</summary>
    public ValueTask<AnalyticsSettings> SettingsAsync(string tenantId) => ValueTask.FromResult(AnalyticsSettings.Default);

    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, detail: message, title: "Invalid query");
}
