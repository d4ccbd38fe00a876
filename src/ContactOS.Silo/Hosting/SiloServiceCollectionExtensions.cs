using ContactOS.Analytics.Sentiment;
using ContactOS.Grains;
using ContactOS.Grains.Ingestion;
using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Silo.Ingestion;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Demo;
using ContactOS.Silo.Endpoints;
using ContactOS.Silo.Live;
using ContactOS.Storage.Configuration;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Health;
using ContactOS.Storage.Membership;
using ContactOS.Storage.Tenants;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Hosting;

internal static class SiloServiceCollectionExtensions
{
    /// <summary>Margin for the web server to drain before the silo deactivates its grains.</summary>
    private static readonly TimeSpan s_shutdownMargin = TimeSpan.FromSeconds(5);

    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Everything the front + worker silo runs: storage, the grain runtime, start-up and shutdown logs, and the
    /// health checks behind <c>/health/ready</c>.
    /// </summary>
    public static IServiceCollection AddContactOSSilo(this IServiceCollection services, IConfiguration configuration)
    {
        // A lifecycle service: its "starting" line (where the data lives) comes before any hosted service starts.
        services.AddHostedService<SiloLifecycleLog>();
        services.AddContactOSStorage(configuration.GetSection(StorageOptions.SectionName));
        services.AddContactOSTenantStore();
        services.AddContactOSAuth(configuration);
        services.AddGrainRuntime(configuration.GetSection(SiloOptions.SectionName));
        // Before the pipeline's start-up tasks: a silo that may not join fails before it replays or activates anything.
        services.AddContactOSMembership(configuration.GetSection(ClusterOptions.SectionName));
        // Silos authenticate their calls to each other with the signing key they already share, unless told otherwise.
        services.PostConfigure<ClusterOptions>(cluster => cluster.Secret ??= configuration["Auth:Jwt:SigningKey"]);
        services.AddContactOSGrains(configuration.GetSection(PipelineOptions.SectionName));
        services.AddSentimentScoring(configuration.GetSection("Sentiment"));
        services.AddSingleton<TenantTimeZones>();
        services.AddSingleton<ITenantTimeZones>(provider => provider.GetRequiredService<TenantTimeZones>());
        services.AddSingleton<EventLogHistory>();
        services.AddSingleton<IEventHistory>(provider => provider.GetRequiredService<EventLogHistory>());
        services.AddSingleton<EventLogFeed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, EventLogFeed>(provider => provider.GetRequiredService<EventLogFeed>()));
        services.AddSingleton<EventIngestor>();
        services.AddLiveUpdates(configuration);
        services.AddContactOSDemo(configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton<PeriodContext>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ContactOS Analytics API";
            document.Info.Description = "Event ingestion, analytics and administration of one tenant per caller. " +
                "Event contract and figure definitions: docs/analytics.md.";
            HealthOpenApi.AddTo(document);
            return Task.CompletedTask;
        }));
        services.AddExceptionHandler<StorageUnavailableExceptionHandler>();

        // The host cancels stopping after HostOptions.ShutdownTimeout (30 s by default); the silo must get its own
        // Silo:ShutdownTimeout to deactivate grains, plus time for the web server to stop first.
        services.AddOptions<HostOptions>().Configure<IOptions<SiloOptions>>((host, silo) =>
        {
            try
            {
                host.ShutdownTimeout = silo.Value.ShutdownTimeout + s_shutdownMargin;
            }
            catch (OptionsValidationException)
            {
                // Left to the host's start-up validation, which reports it like any other invalid setting.
            }
        });

        // The host logs a start-up failure with its stack trace at Error level; SiloProgram reports it instead, as
        // one paragraph for the failures an operator can fix. Critical still shows a crashed background service.
        services.AddLogging(logging => logging.AddFilter(HostLogCategory, LogLevel.Critical));

        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthTags.Ready])
            .AddStorageCheck("storage", tags: [HealthTags.Ready]);
        return services;
    }
}
