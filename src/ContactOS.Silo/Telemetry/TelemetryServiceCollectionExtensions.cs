using ContactOS.Silo.Auth;
using ContactOS.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContactOS.Silo.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The standard variable that turns on OTLP export of traces, metrics and logs.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string DefaultServiceName = "contactos-silo";

    private const string OrleansMeter = OrleansDashboardCounters.OrleansMeter;

    /// <summary>The .NET runtime's own meter: garbage collections and their pauses, heap, thread pool, CPU.</summary>
    private const string RuntimeMeter = "System.Runtime";

    // Orleans' own activity sources (grain calls, with activity propagation on) and meters (grains, messaging, storage).
    private static readonly string[] s_orleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// OpenTelemetry metrics (the silo's <see cref="SiloMetrics"/>, Orleans', ASP.NET Core's) for the Prometheus scrape
    /// endpoint and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces, metrics and logs over OTLP. Without OTLP
    /// no spans are recorded: nothing would read them, and ingestion should not pay for them.
    /// </summary>
    public static IServiceCollection AddContactOSTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddSingleton<SiloMetrics>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, MetricsScrapeAuthorizationHandler>();
        services.AddAuthorizationBuilder().AddPolicy(AuthPolicies.Metrics, policy => policy.AddRequirements(MetricsScrapeRequirement.Instance));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(SiloMetrics.MeterName, OrleansMeter, RuntimeMeter)
                // Each reading of these walks every activation: a scrape would cost ~100 ms at a million grains.
                .AddView(OrleansDashboardCounters.WithoutPerActivationInstruments)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());

        if (ExportsTraces(configuration))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(SiloActivitySource.Name)
                    .AddSource(s_orleansSources)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path)))
                .UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// Whether spans are recorded and exported: only with an OTLP collector. Orleans' activity propagation (a filter
    /// on every grain call) is switched on with it, so the default ingestion path pays for neither.
    /// </summary>
    public static bool ExportsTraces(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    /// <summary>
    /// <c>GET /metrics</c> in the Prometheus text format, for operators (role <c>operator</c>) and for callers from
    /// <c>Telemetry:Metrics:AllowedNetworks</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AuthPolicies.Metrics).ExcludeFromDescription();
        return endpoints;
    }

    // Scrapes and health probes every few seconds would bury the requests worth tracing.
    private static bool IsProbe(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
