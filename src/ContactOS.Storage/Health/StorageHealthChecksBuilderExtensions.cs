using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactOS.Storage.Health;

public static class StorageHealthChecksBuilderExtensions
{
    /// <summary>
    /// Short enough for a readiness probe (orchestrators usually give up after a few seconds), long enough for a
    /// busy database. Npgsql's own connect timeout is 15 s by default, so without this a probe could hang that long.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds a check that the database registered by <c>AddContactOSStorage</c> answers a trivial query. An unreachable
    /// database reports <paramref name="failureStatus"/> with a message naming the database and what to check
    /// (never a password).
    /// </summary>
    public static IHealthChecksBuilder AddStorageCheck(
        this IHealthChecksBuilder builder,
        string name = "storage",
        IEnumerable<string>? tags = null,
        HealthStatus failureStatus = HealthStatus.Unhealthy,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new StorageHealthCheck(services.GetRequiredService<Dialects.StorageDatabase>()),
            failureStatus,
            tags,
            timeout ?? DefaultTimeout));
    }
}
