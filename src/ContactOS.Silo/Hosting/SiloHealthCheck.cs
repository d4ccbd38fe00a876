using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Readiness on the Orleans side. A silo: healthy while it is active (after its start-up, before its shutdown). A front:
/// healthy while it reaches at least one active silo of its cluster.
/// </summary>
internal sealed class SiloHealthCheck(ProcessRole role, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan s_clusterTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = context.Registration.FailureStatus;
        if (role.HostsSilo)
        {
            var silo = services.GetRequiredService<ISiloStatusOracle>();
            return silo.CurrentStatus == SiloStatus.Active
                ? HealthCheckResult.Healthy($"The silo {silo.SiloName} is active ({role.Role.ToString().ToLowerInvariant()}).")
                : new HealthCheckResult(failed, $"The silo {silo.SiloName} is {silo.CurrentStatus} (starting or stopping).");
        }

        try
        {
            var hosts = await services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken)
                .WaitAsync(s_clusterTimeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"This front reaches {hosts.Count} active silos: {string.Join(", ", hosts.Keys)}.")
                : new HealthCheckResult(failed, "This front reaches the cluster, but it has no active silo.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failed, $"This front does not reach any silo of its cluster: {exception.Message}");
        }
    }
}
