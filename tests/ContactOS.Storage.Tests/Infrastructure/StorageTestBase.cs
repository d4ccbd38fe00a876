namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>Gives every test its own empty database on the target engine and disposes what the test started.</summary>
public abstract class StorageTestBase(StorageTarget target) : IAsyncLifetime
{
    private readonly List<StorageHost> _hosts = [];
    private IReadOnlyDictionary<string, string?>? _settings;

    /// <summary>The <c>Storage:*</c> settings of this test's database.</summary>
    protected IReadOnlyDictionary<string, string?> Settings =>
        _settings ?? throw new InvalidOperationException("The test database is created in InitializeAsync.");

    /// <summary>Starts storage on this test's database as a silo would; each call is a separate "process" (own pool).</summary>
    protected async Task<StorageHost> StartAsync(bool migrate = true)
    {
        var host = await StorageHost.StartAsync(Settings, migrate);
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }

    public async Task InitializeAsync() => _settings = await target.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await target.DisposeAsync();
    }
}
