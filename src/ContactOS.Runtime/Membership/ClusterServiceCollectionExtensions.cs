using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Placement;
using ContactOS.Runtime.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Membership;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Adds cluster membership, configured by <paramref name="clusterSection"/> (the "Cluster" section):
    /// <see cref="IClusterView"/>, the agent that joins, heartbeats and leaves, and, when <c>Cluster:Enabled</c>
    /// is true, <see cref="RendezvousPlacementDirector"/> as the placement. The <see cref="IMembershipTable"/> comes
    /// from the storage registration. With <c>Cluster:Enabled</c> false (the default) nothing changes: the agent
    /// does nothing and every grain is local. Register after the storage, so the join runs after the schema
    /// migration.
    /// </summary>
    public static IServiceCollection AddClusterMembership(this IServiceCollection services, IConfiguration clusterSection)
    {
        services.AddOptions<ClusterOptions>().Bind(clusterSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterView>();
        services.TryAddSingleton<IClusterView>(provider => provider.GetRequiredService<ClusterView>());
        services.TryAddSingleton<MembershipAgent>();
        // The transport's start-up task (below) is registered before the agent's: it must answer before the silo joins.
        services.TryAddSingleton<SiloTransportServer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, SiloTransportServer>(provider => provider.GetRequiredService<SiloTransportServer>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, MembershipAgent>(provider => provider.GetRequiredService<MembershipAgent>()));
        // It leaves the cluster in StoppingAsync, before any hosted service stops (the silo's last: its grains deactivate
        // after the leave either way).
        services.AddHostedService(provider => provider.GetRequiredService<MembershipAgent>());
        services.TryAddSingleton(provider => new RendezvousPlacementDirector(
            provider.GetRequiredService<IClusterView>(), provider.GetRequiredService<IOptions<ClusterOptions>>().Value.Address ?? string.Empty));
        services.Replace(ServiceDescriptor.Singleton<IPlacementDirector>(provider =>
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.Enabled
                ? provider.GetRequiredService<RendezvousPlacementDirector>()
                : new LocalPlacementDirector()));

        // Calls between silos.
        services.AddHostedService(provider => provider.GetRequiredService<SiloTransportServer>());
        if (clusterSection.GetValue<bool>(nameof(ClusterOptions.Enabled)))
        {
            services.TryAddSingleton<RemoteGrainCaller>();
        }

        return services;
    }
}
