using ContactOS.Grains.Ingestion;
using ContactOS.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOS.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the domain grains, the silo's <see cref="TenantEventPipeline"/>, its checkpoint service and start-up
    /// recovery. The host supplies <see cref="IEventHistory"/> and <see cref="ITenantTimeZones"/>.
    /// </summary>
    public static IServiceCollection AddContactOSGrains(this IServiceCollection services, IConfiguration? pipelineSection = null)
    {
        services.Configure<SiloOptions>(options => options.GrainAssemblies.Add(typeof(GrainsServiceCollectionExtensions).Assembly));
        var options = services.AddOptions<PipelineOptions>();
        if (pipelineSection is not null)
        {
            options.Bind(pipelineSection);
        }

        options.Validate(o => o.SnapshotInterval > TimeSpan.Zero, $"{PipelineOptions.SectionName}:SnapshotInterval must be greater than zero.")
            .ValidateOnStart();
        services.AddSingleton<TenantEventPipeline>();
        services.AddHostedService<PipelineService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, LogRecovery>());

        // In a cluster (Cluster:Enabled), worker silos read the shared log for the tenants they own; idle otherwise.
        services.TryAddSingleton<ClusterLogTailer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, ClusterLogTailer>(provider => provider.GetRequiredService<ClusterLogTailer>()));
        services.AddHostedService(provider => provider.GetRequiredService<ClusterLogTailer>());
        return services;
    }
}
