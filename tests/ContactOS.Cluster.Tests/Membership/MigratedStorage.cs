using ContactOS.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Cluster.Tests.Membership;

/// <summary>Storage with its schema migrated and the membership table on it; disposing closes the connections.</summary>
internal sealed class MigratedStorage(ServiceProvider services, IMembershipTable table) : IAsyncDisposable
{
    public IMembershipTable Table { get; } = table;

    /// <summary>Runs one statement behind the table's back, as an operator would.</summary>
    public Task<int> ExecuteAsync(string sql) =>
        services.GetRequiredService<ContactOS.Storage.Dialects.StorageDatabase>().RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }, CancellationToken.None);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
