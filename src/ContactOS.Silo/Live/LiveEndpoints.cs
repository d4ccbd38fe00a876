using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Live;

internal static class LiveEndpoints
{
    /// <summary>
    /// Maps <see cref="AnalyticsHub"/> at <c>/hubs/analytics</c> (policy Viewer; the token may come as the
    /// <c>access_token</c> query parameter). A connection is closed when its token expires, so a dashboard must come
    /// back with a valid one, and when a write to it waits longer than <c>Live:SendTimeout</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder endpoints)
    {
        var live = endpoints.ServiceProvider.GetRequiredService<IOptions<LiveOptions>>().Value;
        endpoints.MapHub<AnalyticsHub>(AnalyticsHub.Path, connection =>
        {
            connection.CloseOnAuthenticationExpiration = true;
            connection.TransportSendTimeout = live.SendTimeout;
        });
        return endpoints;
    }
}
