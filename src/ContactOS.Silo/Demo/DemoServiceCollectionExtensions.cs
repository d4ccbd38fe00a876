using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Demo;

internal static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// The demo's traffic and settings. Registered always and idle outside demo mode, so that switching demo mode is
    /// a setting, not a different build of the host.
    /// </summary>
    public static IServiceCollection AddContactOSDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.AddSingleton<DemoIngestion>();
        services.AddHostedService<DemoTraffic>();
        return services;
    }
}
