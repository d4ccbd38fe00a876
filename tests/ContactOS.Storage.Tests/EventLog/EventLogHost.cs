using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Storage.Tests.EventLog;

/// <summary>
/// The event log wired the way a silo wires it (<c>AddContactOSStorage</c>), as one "process" with its own pool.
/// The schema must exist already (a <c>StorageHost</c> migrates it).
/// </summary>
internal sealed class EventLogHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EventLogHost(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddContactOSStorage(configuration.GetSection("Storage"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IEventLog Log => _services.GetRequiredService<IEventLog>();

    /// <summary>The registered log as its implementation, for the test hook.</summary>
    public AdoNetEventLog GroupCommit => (AdoNetEventLog)Log;

    public EventLogBulkLoader BulkLoader => _services.GetRequiredService<EventLogBulkLoader>();

    public StorageDatabase Database => _services.GetRequiredService<StorageDatabase>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
