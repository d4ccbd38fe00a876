using ContactOS.Runtime.Hosting;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.EventLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// The product's storage layer in this process, on a <see cref="BenchDatabase"/>, with its schema created by the
/// product's own migrator: the same tables and indexes the silo writes to, without the silo around them.
/// </summary>
internal sealed class InProcessStorage(ServiceProvider services) : IAsyncDisposable
{
    public EventLogBulkLoader BulkLoader { get; } = services.GetRequiredService<EventLogBulkLoader>();

    public IEventLog Log => services.GetRequiredService<IEventLog>();

    public static async Task<InProcessStorage> OpenAsync(BenchDatabase database, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection().AddLogging().AddContactOSStorage(configuration.GetSection("Storage")).BuildServiceProvider();
        try
        {
            foreach (var task in services.GetServices<ISiloStartupTask>())
            {
                await task.ExecuteAsync(cancellationToken);
            }

            return new InProcessStorage(services);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
