using ContactOS.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Cluster.Tests.Membership;

/// <summary>Storage with its schema migrated and the membership table on it; disposing closes the connections.</summary>
internal sealed class MigratedStorage(ServiceProvider services, IMembershipTable table) : IAsyncDisposable
{
    public IMembershipTable Table { get; } = table;

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
