using System.Security.Cryptography;
using ContactOS.Storage.Tenants;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Tenants;

/// <summary>What <see cref="ITenantDirectory"/> and <see cref="IApiKeyStore"/> must do, run once per database engine.</summary>
public abstract class TenantStoreTests(StorageTarget target) : StorageTestBase(target), IAsyncDisposable
{
    private TenantStoreHost? _host;

    private async Task<TenantStoreHost> StartAsync() => _host = await TenantStoreHost.StartAsync(Settings);

    [Fact]
    public async Task GetAsync_TenantNeverStored_ReturnsDefaults()
    {
        var store = await StartAsync();

        var settings = await store.Tenants.GetAsync("acme", CancellationToken.None);

        Assert.Equal(TenantSettings.Default("acme"), settings);
        Assert.Equal("UTC", settings.TimeZone);
    }

    [Fact]
    public async Task UpsertAsync_CreatesThenUpdates_KeepingCreationTime()
    {
        var store = await StartAsync();
        var createdAt = store.Time.GetUtcNow();

        await store.Tenants.UpsertAsync("acme", "Acme", "Europe/Madrid", "es", CancellationToken.None);
        store.Time.Advance(TimeSpan.FromHours(1));
        var updated = await store.Tenants.UpsertAsync("acme", "Acme Corp", "America/New_York", "en", CancellationToken.None);

        Assert.Equal(new TenantSettings("acme", "Acme Corp", "America/New_York", "en", createdAt), updated);
        Assert.Equal(updated, await store.Tenants.GetAsync("acme", CancellationToken.None));
        Assert.Equal(TenantSettings.Default("globex"), await store.Tenants.GetAsync("globex", CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_ThenFindByHash_ReturnsTheKeyOfItsTenant()
    {
        var store = await StartAsync();
        var hash = NewHash();

        var created = await store.ApiKeys.CreateAsync("acme", "desk-integration", "cos_abcd", hash, CancellationToken.None);
        var found = await store.ApiKeys.FindActiveByHashAsync(hash, CancellationToken.None);

        Assert.Equal(created, found);
        Assert.Equal("acme", found!.TenantId);
        Assert.Equal("desk-integration", found.Name);
        Assert.Equal("cos_abcd", found.Prefix);
        Assert.Equal(store.Time.GetUtcNow(), found.CreatedAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(await store.ApiKeys.FindActiveByHashAsync(NewHash(), CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_FirstKeyOfATenant_StoresTheTenantWithDefaults()
    {
        var store = await StartAsync();

        await store.ApiKeys.CreateAsync("acme", "k", "cos_abcd", NewHash(), CancellationToken.None);

        var settings = await store.Tenants.GetAsync("acme", CancellationToken.None);
        Assert.Equal(("acme", "UTC"), (settings.DisplayName, settings.TimeZone));
        Assert.NotNull(settings.CreatedAt);
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyTheTenantsKeysOldestFirst()
    {
        var store = await StartAsync();
        var first = await store.ApiKeys.CreateAsync("acme", "first", "cos_1111", NewHash(), CancellationToken.None);
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await store.ApiKeys.CreateAsync("acme", "second", "cos_2222", NewHash(), CancellationToken.None);
        await store.ApiKeys.CreateAsync("globex", "theirs", "cos_3333", NewHash(), CancellationToken.None);

        Assert.Equal([first, second], await store.ApiKeys.ListAsync("acme", CancellationToken.None));
        Assert.Empty(await store.ApiKeys.ListAsync("initech", CancellationToken.None));
    }

    [Fact]
    public async Task RevokeAsync_OwnKey_StopsItBeingFoundAndListsItRevoked()
    {
        var store = await StartAsync();
        var hash = NewHash();
        var key = await store.ApiKeys.CreateAsync("acme", "k", "cos_abcd", hash, CancellationToken.None);
        store.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await store.ApiKeys.RevokeAsync("acme", key.Id, CancellationToken.None));

        Assert.Null(await store.ApiKeys.FindActiveByHashAsync(hash, CancellationToken.None));
        var listed = Assert.Single(await store.ApiKeys.ListAsync("acme", CancellationToken.None));
        Assert.Equal(store.Time.GetUtcNow(), listed.RevokedAt);
        // Revoking again changes nothing, and still answers "yours".
        store.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await store.ApiKeys.RevokeAsync("acme", key.Id, CancellationToken.None));
        Assert.Equal(listed, Assert.Single(await store.ApiKeys.ListAsync("acme", CancellationToken.None)));
    }

    [Fact]
    public async Task RevokeAsync_AnotherTenantsKey_ReturnsFalseAndTheKeyKeepsWorking()
    {
        var store = await StartAsync();
        var hash = NewHash();
        var theirs = await store.ApiKeys.CreateAsync("globex", "k", "cos_abcd", hash, CancellationToken.None);

        Assert.False(await store.ApiKeys.RevokeAsync("acme", theirs.Id, CancellationToken.None));
        Assert.False(await store.ApiKeys.RevokeAsync("acme", "no-such-key", CancellationToken.None));

        Assert.Equal(theirs, await store.ApiKeys.FindActiveByHashAsync(hash, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_SameHashTwice_IsRefused()
    {
        var store = await StartAsync();
        var hash = NewHash();
        await store.ApiKeys.CreateAsync("acme", "k", "cos_abcd", hash, CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => store.ApiKeys.CreateAsync("globex", "k", "cos_abcd", hash, CancellationToken.None));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));
}
