using System.Runtime.CompilerServices;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Realistic multi-tenant contact-centre traffic. <see cref="Generate"/> writes a fixed history in arrival order
/// (duplicates and late events included), the same for the same options; <see cref="StreamAsync"/> plays traffic
/// live for a demo.
/// </summary>
public static class TrafficGenerator
{
    /// <summary>Every tenant's events, in the order they reach the system. Deterministic for a seed.</summary>
    public static IReadOnlyList<TenantEvent> Generate(TrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BatchTraffic.Generate(options);
    }

    /// <summary>
    /// Events stamped with the current time of <paramref name="timeProvider"/>, at about
    /// <see cref="LiveTrafficOptions.EventsPerSecond"/>, until <paramref name="cancellationToken"/> is cancelled (the
    /// stream then ends without an exception).
    /// </summary>
    public static async IAsyncEnumerable<TenantEvent> StreamAsync(
        LiveTrafficOptions options, TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var live = new LiveTraffic(options, timeProvider.GetUtcNow());
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.TickInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            foreach (var tenantEvent in live.Tick(timeProvider.GetUtcNow()))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                yield return tenantEvent;
            }
        }
    }
}
