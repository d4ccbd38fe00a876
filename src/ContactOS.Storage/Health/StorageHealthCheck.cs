using ContactOS.Storage.Dialects;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactOS.Storage.Health;

/// <summary>Healthy when the configured database opens a connection and answers a trivial query.</summary>
internal sealed class StorageHealthCheck(StorageDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.RunAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }, cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (StorageUnavailableException ex)
        {
            // The message already names the database and what to check, without secrets. Passing the exception
            // on would put a stack trace into the log for every probe while the database is down.
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
