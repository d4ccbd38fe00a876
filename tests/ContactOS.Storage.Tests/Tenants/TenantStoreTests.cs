using System.Security.Cryptography;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.Tenants;
using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Tenants;

/// <summary>What <see cref="ITenantDirectory"/> and <see cref="IApiKeyStore"/> must do, run once per database engine.</summary>
public abstract class TenantStoreTests(StorageTarget target) : StorageTestBase(target), IAsyncDisposable
{
    private TenantStoreHost? _host;

    private async Task<TenantStoreHost> StartAsync() => _host = await TenantStoreHost.StartAsync(Settings);

    /// <summary>This test's database with the schema an older program left, up to <paramref name="version"/>.</summary>
    private async Task<StorageHost> StartOlderAsync(int version)
    {
        var older = await StartAsync(migrate: false);
        await OlderSchema.ApplyUpToAsync(older, version);
        return older;
    }

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

        await store.Tenants.UpsertAsync("acme", "Acme", "Europe/Madrid", "es", TenantAnalyticsSettings.Default, CancellationToken.None);
        store.Time.Advance(TimeSpan.FromHours(1));
        var updated = await store.Tenants.UpsertAsync(
            "acme", "Acme Corp", "America/New_York", "en", TenantAnalyticsSettings.Default, CancellationToken.None);

        Assert.Equal(new TenantSettings("acme", "Acme Corp", "America/New_York", "en", createdAt), updated);
        Assert.Equal(updated, await store.Tenants.GetAsync("acme", CancellationToken.None));
        Assert.Equal(TenantSettings.Default("globex"), await store.Tenants.GetAsync("globex", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_TenantNeverStored_HasTheDefaultAnalyticsSettings()
    {
        var store = await StartAsync();

        var analytics = (await store.Tenants.GetAsync("acme", CancellationToken.None)).Analytics;

        Assert.Equal(new TenantAnalyticsSettings(24, 24, 0.7, ["fallback"], "USD", null, null, null), analytics);
    }

    [Fact]
    public async Task UpsertAsync_AnalyticsSettings_AreReadBackExactly()
    {
        var store = await StartAsync();
        var analytics = new TenantAnalyticsSettings(
            ReopenWindowHours: 1, AbandonAfterHours: 720, LowConfidenceThreshold: 0.55, FallbackIntents: ["fallback", "none", "out_of_scope"],
            Currency: "EUR", AgentCostPerHour: 28.5m, CostPerHumanConversation: 0.000001m, MonthlyBudget: 999_999_999.999999m);

        var stored = await store.Tenants.UpsertAsync("acme", "Acme", "Europe/Madrid", "es", analytics, CancellationToken.None);
        var read = await store.Tenants.GetAsync("acme", CancellationToken.None);

        Assert.Equal(analytics, stored.Analytics);
        Assert.Equal(analytics, read.Analytics);
        Assert.Equal(999_999_999.999999m, read.Analytics.MonthlyBudget);
        Assert.Equal(TenantAnalyticsSettings.Default, (await store.Tenants.GetAsync("globex", CancellationToken.None)).Analytics);
    }

    [Fact]
    public async Task UpsertAsync_ClearedMoneyAndNoFallbackIntents_AreStoredAsSuch()
    {
        var store = await StartAsync();
        var withCosts = TenantAnalyticsSettings.Default with { AgentCostPerHour = 28m, CostPerHumanConversation = 6.5m, MonthlyBudget = 0m };
        await store.Tenants.UpsertAsync("acme", "Acme", "UTC", "en", withCosts, CancellationToken.None);

        var cleared = withCosts with { AgentCostPerHour = null, CostPerHumanConversation = null, FallbackIntents = [] };
        await store.Tenants.UpsertAsync("acme", "Acme", "UTC", "en", cleared, CancellationToken.None);

        var read = (await store.Tenants.GetAsync("acme", CancellationToken.None)).Analytics;
        Assert.Equal(cleared, read);
        Assert.Empty(read.FallbackIntents);
        Assert.Equal(0m, read.MonthlyBudget);
    }

    [Fact]
    public async Task UpsertAsync_MoneyWithMoreThanSixDecimals_IsRefusedAndNothingChanges()
    {
        var store = await StartAsync();
        var tooPrecise = TenantAnalyticsSettings.Default with { MonthlyBudget = 10.0000001m };

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.Tenants.UpsertAsync("acme", "Acme", "UTC", "en", tooPrecise, CancellationToken.None));

        Assert.Null((await store.Tenants.GetAsync("acme", CancellationToken.None)).CreatedAt);
    }

    /// <summary>
    /// Version 12 adds the analytics settings to the tenants' rows: tenants stored before keep everything they had
    /// and get the defaults, their API keys keep working, and new settings can be stored for them.
    /// </summary>
    [Fact]
    public async Task Migration_FromVersion11_KeepsTenantsAndGivesThemTheDefaultAnalyticsSettings()
    {
        var older = await StartOlderAsync(version: 11);
        var createdAt = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        await older.Database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                INSERT INTO contactos_tenants (tenant_id, display_name, time_zone, language, created_at)
                VALUES ('acme', 'Acme Telecom', 'Europe/Madrid', 'es', @created_at), ('globex', 'Globex', 'UTC', 'en', @created_at)
                """;
            command.AddParameter("created_at", createdAt);
            await command.ExecuteNonQueryAsync();
        }, CancellationToken.None);

        var store = await StartAsync();

        var acme = await store.Tenants.GetAsync("acme", CancellationToken.None);
        Assert.Equal(new TenantSettings("acme", "Acme Telecom", "Europe/Madrid", "es", new DateTimeOffset(createdAt)), acme);
        Assert.Equal(TenantAnalyticsSettings.Default, acme.Analytics);
        Assert.Equal(TenantAnalyticsSettings.Default, (await store.Tenants.GetAsync("globex", CancellationToken.None)).Analytics);
        var changed = TenantAnalyticsSettings.Default with { Currency = "EUR", MonthlyBudget = 120m };
        await store.Tenants.UpsertAsync("acme", acme.DisplayName, acme.TimeZone, acme.Language, changed, CancellationToken.None);
        Assert.Equal(changed, (await store.Tenants.GetAsync("acme", CancellationToken.None)).Analytics);
        Assert.Equal(TenantAnalyticsSettings.Default, (await store.Tenants.GetAsync("globex", CancellationToken.None)).Analytics);
    }

    [Fact]
    public async Task Migration_RunAgain_KeepsTheStoredAnalyticsSettings()
    {
        var store = await StartAsync();
        var analytics = TenantAnalyticsSettings.Default with { ReopenWindowHours = 48, FallbackIntents = ["none"], AgentCostPerHour = 30m };
        await store.Tenants.UpsertAsync("acme", "Acme", "UTC", "en", analytics, CancellationToken.None);

        await using (var again = await TenantStoreHost.StartAsync(Settings))
        {
            Assert.Equal(analytics, (await again.Tenants.GetAsync("acme", CancellationToken.None)).Analytics);
        }

        Assert.Equal(analytics, (await store.Tenants.GetAsync("acme", CancellationToken.None)).Analytics);
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
        Assert.Equal(TenantAnalyticsSettings.Default, settings.Analytics);
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
