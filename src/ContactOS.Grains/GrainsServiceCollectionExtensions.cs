using ContactOS.Grains.Tenants;
using ContactOS.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Adds the domain grains and the silo's tenant-counter batcher.</summary>
    public static IServiceCollection AddContactOSGrains(this IServiceCollection services)
    {
        services.Configure<SiloOptions>(options => options.GrainAssemblies.Add(typeof(GrainsServiceCollectionExtensions).Assembly));
        services.AddSingleton<TenantChangeBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<TenantChangeBatcher>());
        return services;
    }
}
