using Microsoft.Extensions.Diagnostics.HealthChecks;
using RuntimeSilo = ContactOS.Runtime.Hosting.Silo;

namespace ContactOS.Silo.Hosting;

/// <summary>Healthy between the end of the silo's start-up (schema migrated, reminders loaded) and the start of its shutdown.</summary>
internal sealed class SiloHealthCheck(RuntimeSilo silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.IsRunning
            ? HealthCheckResult.Healthy($"The silo is running with {silo.Runtime.ActivationCount} activations.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The silo is not running (starting or stopping)."));
}
