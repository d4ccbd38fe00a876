using Microsoft.AspNetCore.Mvc;

namespace ContactOS.Silo.Endpoints;

/// <summary>The period parameters every analytics endpoint takes (see docs/analytics.md, "Tenant time").</summary>
/// <param name="Period">today, 7d, 30d or 90d (default today); or leave it out and give from and to.</param>
/// <param name="From">Start instant, ISO-8601 with offset; rounded down to the bucket grid.</param>
/// <param name="To">End instant, ISO-8601 with offset; rounded up to the bucket grid.</param>
/// <param name="Interval">hour or day; by default hour for today and 7d, day for longer periods.</param>
internal readonly record struct PeriodQuery(
    [FromQuery(Name = "period")] string? Period,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "interval")] string? Interval);
