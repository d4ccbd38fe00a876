using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace ContactOS.Silo.Hosting;

/// <summary>Healthy while this process's Orleans silo is active: after its start-up, before its shutdown.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"The silo {silo.SiloName} is active.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"The silo {silo.SiloName} is {silo.CurrentStatus} (starting or stopping)."));
}
