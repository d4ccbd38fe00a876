using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>Storage wired the way a silo wires it (<c>AddContactOSStorage</c>), without the rest of the silo.</summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageHost(ServiceProvider services) => _services = services;

    /// <summary>The product's grain storage on this database, as Orleans resolves it for a grain's persistent state.</summary>
    public IGrainStorage GrainStorage => _services.GetRequiredKeyedService<IGrainStorage>(GrainStorageName);

    /// <summary>Plain values and ETags over <see cref="GrainStorage"/>, for the storage contract's tests.</summary>
    public GrainStates States => new(GrainStorage);

    public IEventLog EventLog => _services.GetRequiredService<IEventLog>();

    /// <summary>The registered event log as its implementation, for its test hook.</summary>
    internal AdoNetEventLog GroupCommit => (AdoNetEventLog)EventLog;

    public EventLogBulkLoader BulkLoader => _services.GetRequiredService<EventLogBulkLoader>();

    internal StorageDatabase Database => _services.GetRequiredService<StorageDatabase>();

    internal SchemaMigrator Migrator => _services.GetRequiredService<SchemaMigrator>();

    private const string GrainStorageName = "snapshots";

    /// <summary>Validates the options and, unless told otherwise, runs the start-up tasks (the schema migration).</summary>
    public static async Task<StorageHost> StartAsync(IReadOnlyDictionary<string, string?> settings, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddContactOSStorage(configuration.GetSection("Storage"))
            .AddContactOSGrainStorage(GrainStorageName)
            .AddSerializer()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new StorageHost(services);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            if (migrate)
            {
                await host.MigrateAsync();
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await Migrator.ExecuteAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
