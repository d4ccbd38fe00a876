namespace ContactOS.Silo.Endpoints;

/// <summary>The period parameters every analytics endpoint takes (see docs/analytics.md, "Tenant time").</summary>
internal readonly record struct PeriodQuery(string? Period, string? From, string? To, string? Interval)
{
    public static ValueTask<PeriodQuery> BindAsync(HttpContext context) => ValueTask.FromResult(new PeriodQuery(
        context.Request.Query["period"], context.Request.Query["from"], context.Request.Query["to"], context.Request.Query["interval"]));
}
