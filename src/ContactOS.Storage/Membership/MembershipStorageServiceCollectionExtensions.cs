using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Membership;

public static class MembershipStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds cluster membership (<see cref="ClusterServiceCollectionExtensions.AddClusterMembership"/>) on this
    /// storage: the PostgreSQL membership table, a start-up check that refuses <c>Cluster:Enabled</c> on SQLite, and
    /// the lock that keeps a second silo off a SQLite database already in use. Call after
    /// <c>AddContactOSStorage</c> and <c>AddGrainRuntime</c>.
    /// </summary>
    public static IServiceCollection AddContactOSMembership(this IServiceCollection services, IConfiguration clusterSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clusterSection);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, SqliteSiloLock>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterStorageValidator>());
        services.TryAddSingleton<IMembershipTable, PostgresMembershipTable>();
        services.AddClusterMembership(clusterSection);
        return services;
    }
}
