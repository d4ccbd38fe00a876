using ContactOS.Storage.Schema;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOS.Storage.Tests.Tenants;

/// <summary>Storage plus the tenant store, wired as the silo wires them, on a fake clock; the schema is migrated.</summary>
public sealed class TenantStoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TenantStoreHost(ServiceProvider services) => _services = services;

    public FakeTimeProvider Time => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public ITenantDirectory Tenants => _services.GetRequiredService<ITenantDirectory>();

    public IApiKeyStore ApiKeys => _services.GetRequiredService<IApiKeyStore>();

    public static async Task<TenantStoreHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)))
            .AddContactOSStorage(configuration.GetSection("Storage"))
            .AddContactOSTenantStore()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new TenantStoreHost(services);
        try
        {
            await services.GetRequiredService<SchemaMigrator>().ExecuteAsync(CancellationToken.None);

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
