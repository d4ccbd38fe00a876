using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.EventLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// The product's storage layer in this process, on a <see cref="BenchDatabase"/>, with its schema created by the
/// product's own migrator (started as the silo starts it, as a hosted service): the same tables and indexes the silo
/// writes to, without the silo around them.
/// </summary>
internal sealed class InProcessStorage(IHost host) : IAsyncDisposable
{
    public EventLogBulkLoader BulkLoader { get; } = host.Services.GetRequiredService<EventLogBulkLoader>();

    public IEventLog Log => host.Services.GetRequiredService<IEventLog>();

    public static async Task<InProcessStorage> OpenAsync(BenchDatabase database, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Services.AddContactOSStorage(builder.Configuration.GetSection("Storage"));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new InProcessStorage(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
