using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Reminders;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>Storage wired the way a silo wires it (<c>AddContactOSStorage</c>), without the rest of the silo.</summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageHost(ServiceProvider services) => _services = services;

    public IGrainStateStore States => _services.GetRequiredService<IGrainStateStore>();

    public IReminderTable Reminders => _services.GetRequiredService<IReminderTable>();

    public IEventLog EventLog => _services.GetRequiredService<IEventLog>();

    /// <summary>The registered event log as its implementation, for its test hook.</summary>
    internal AdoNetEventLog GroupCommit => (AdoNetEventLog)EventLog;

    public EventLogBulkLoader BulkLoader => _services.GetRequiredService<EventLogBulkLoader>();

    internal StorageDatabase Database => _services.GetRequiredService<StorageDatabase>();

    internal SchemaMigrator Migrator => _services.GetServices<ISiloStartupTask>().OfType<SchemaMigrator>().Single();

    /// <summary>Validates the options and, unless told otherwise, runs the start-up tasks (the schema migration).</summary>
    public static async Task<StorageHost> StartAsync(IReadOnlyDictionary<string, string?> settings, bool migrate = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddContactOSStorage(configuration.GetSection("Storage"))
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
        foreach (var task in _services.GetServices<ISiloStartupTask>())
        {
            await task.ExecuteAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
