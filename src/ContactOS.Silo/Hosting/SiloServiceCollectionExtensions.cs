using ContactOS.Analytics.Sentiment;
using ContactOS.Grains;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Ingestion;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Demo;
using ContactOS.Silo.Endpoints;
using ContactOS.Silo.Live;
using ContactOS.Silo.Telemetry;
using ContactOS.Storage.Configuration;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Health;
using ContactOS.Storage.Tenants;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Hosting;

internal static class SiloServiceCollectionExtensions
{
    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Everything the process runs beside its Orleans silo (<see cref="OrleansHostingExtensions.AddContactOSOrleans"/>):
    /// storage, the grains' settings and ports, ingestion, live updates, telemetry, start-up and shutdown logs, and the
    /// health checks behind <c>/health/ready</c>.
    /// </summary>
    public static IServiceCollection AddContactOSSilo(this IServiceCollection services, IConfiguration configuration)
    {
        // A lifecycle service: its "starting" line (where the data lives) comes before any hosted service starts.
        services.AddHostedService<SiloLifecycleLog>();
        services.AddContactOSStorage(configuration.GetSection(StorageOptions.SectionName));
        services.AddContactOSTenantStore();
        services.AddContactOSAuth(configuration);
        services.AddContactOSGrains(configuration.GetSection(PipelineOptions.SectionName));
        services.AddSentimentScoring(configuration.GetSection("Sentiment"));
        services.AddSingleton<TenantTimeZones>();
        services.AddSingleton<ITenantTimeZones>(provider => provider.GetRequiredService<TenantTimeZones>());
        services.AddSingleton<EventLogHistory>();
        services.AddSingleton<IEventHistory>(provider => provider.GetRequiredService<EventLogHistory>());
        services.AddSingleton<EventIngestor>();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());
        services.AddContactOSTelemetry(configuration);
        services.AddLiveUpdates(configuration);
        services.AddContactOSDemo(configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton<PeriodContext>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemAnswers.Customize);
        services.AddContactOSOpenApi();
        services.AddExceptionHandler<StorageUnavailableExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // The host logs a start-up failure with its stack trace at Error level; SiloProgram reports it instead, as
        // one paragraph for the failures an operator can fix. Critical still shows a crashed background service.
        services.AddLogging(logging => logging.AddFilter(HostLogCategory, LogLevel.Critical));

        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddStorageCheck("storage", tags: [HealthTags.Ready]);
        return services;
    }
}
