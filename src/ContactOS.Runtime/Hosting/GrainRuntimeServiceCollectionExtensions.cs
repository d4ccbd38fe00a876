using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo: the grain runtime, <see cref="IGrainFactory"/>, and a hosted service that starts and stops
    /// it. Options come from <paramref name="configuration"/> (the "Silo" section) and then <paramref name="configure"/>.
    /// A grain state store and reminder table come from the storage registration.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration? configuration = null, Action<SiloOptions>? configure = null)
    {
        var options = services.AddOptions<SiloOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainStateSerializer, JsonGrainStateSerializer>();
        services.TryAddSingleton<IPlacementDirector, LocalPlacementDirector>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<Silo>();
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
