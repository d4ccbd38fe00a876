using ContactOS.Runtime.Membership;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// Readiness of this silo as a cluster member: unhealthy before it joined and once it was declared dead, so a load
/// balancer stops sending it traffic. The description lists the active silos as this silo sees them.
/// </summary>
internal sealed class ClusterHealthCheck(IClusterView view, IOptions<ClusterOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = context.Registration.FailureStatus;
        var current = view.Current;
        var result = (options.Value.Enabled, view.IsEvicted, view.Local) switch
        {
            (false, _, _) => HealthCheckResult.Healthy("Cluster membership is off (Cluster:Enabled is false): a single silo."),
            (_, true, { } self) => new HealthCheckResult(failed,
                $"This silo ({self.Address}, epoch {self.Epoch}) was declared dead by the cluster and is stopping."),
            (_, _, null) => new HealthCheckResult(failed, "This silo has not joined the cluster yet."),
            _ => HealthCheckResult.Healthy(
                $"Membership version {current.Version}: {current.Active.Count()} active silos: {string.Join("; ", current.Active)}."),
        };
        return Task.FromResult(result);
    }
}
