using Microsoft.AspNetCore.Authorization;

namespace ContactOS.Silo.Telemetry;

/// <summary>The <c>/metrics</c> scrape: an operator, or any caller from <see cref="MetricsScrapeOptions.AllowedNetworks"/>.</summary>
internal sealed class MetricsScrapeRequirement : IAuthorizationRequirement
{
    public static MetricsScrapeRequirement Instance { get; } = new();
}
