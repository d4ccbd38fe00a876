using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Live;

internal static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// Clients only send <c>Watch</c> and pings: anything larger than this is not a client of ours, and the server
    /// need not buffer it.
    /// </summary>
    private const long MaxClientMessageBytes = 4 * 1024;

    /// <summary>
    /// The analytics hub and what feeds it (<c>Live</c> settings, validated at start-up): the watcher registry and the
    /// publisher, which is also the <see cref="ITenantChangeNotifier"/> ingestion calls. Needs the grains and
    /// <c>TenantTimeZones</c>.
    /// </summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>());
        services.AddSingleton<LiveWatchers>();
        services.AddSingleton<LiveFigures>();
        services.AddSingleton<LiveUpdatePublisher>();
        services.AddSingleton<ITenantChangeNotifier>(provider => provider.GetRequiredService<LiveUpdatePublisher>());
        services.AddHostedService(provider => provider.GetRequiredService<LiveUpdatePublisher>());
        services.AddHostedService<TenantChangeSubscriptions>();

        services.AddSignalR(signalR => signalR.AddFilter<HubCallLog>())
            .AddHubOptions<AnalyticsHub>(hub => hub.MaximumReceiveMessageSize = MaxClientMessageBytes);

        // HubCallLog logs each failed call once, at the level it deserves; the dispatcher would log every refusal as an
        // error with a stack trace, and arguments a client could not bind likewise.
        services.AddLogging(logging => logging.AddFilter(HubCallLog.DispatcherCategory, LogLevel.None));
        return services;
    }
}
