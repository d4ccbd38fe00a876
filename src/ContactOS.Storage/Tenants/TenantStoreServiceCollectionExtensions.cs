using ContactOS.Storage.Dialects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOS.Storage.Tenants;

public static class TenantStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITenantDirectory"/> and <see cref="IApiKeyStore"/> on the database that
    /// <c>AddContactOSStorage</c> configures (call that first); their tables come with the storage schema migration.
    /// </summary>
    public static IServiceCollection AddContactOSTenantStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(StorageDatabase)))
        {
            throw new InvalidOperationException("Call AddContactOSStorage before AddContactOSTenantStore: the tenant store uses its database.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITenantDirectory, AdoNetTenantDirectory>();
        services.TryAddSingleton<IApiKeyStore, AdoNetApiKeyStore>();
        return services;
    }
}
