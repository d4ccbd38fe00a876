using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.Tenants;

/// <summary>Tenant rows in <c>contactos_tenants</c>; the same SQL serves SQLite and PostgreSQL.</summary>
internal sealed class AdoNetTenantDirectory(StorageDatabase database, TimeProvider timeProvider) : ITenantDirectory
{
    private const string SelectSql =
        "SELECT display_name, time_zone, language, created_at FROM contactos_tenants WHERE tenant_id = @tenant_id";

    private const string UpsertSql =
        """
        INSERT INTO contactos_tenants (tenant_id, display_name, time_zone, language, created_at)
        VALUES (@tenant_id, @display_name, @time_zone, @language, @now)
        ON CONFLICT (tenant_id) DO UPDATE
        SET display_name = excluded.display_name, time_zone = excluded.time_zone, language = excluded.language
        """;

    public Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SelectSql;
            command.AddParameter("tenant_id", tenantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new TenantSettings(tenantId, reader.GetString(0), reader.GetString(1), reader.GetString(2), StoredTime.Read(reader, 3))
                : TenantSettings.Default(tenantId);
        }, cancellationToken);

    public async Task<TenantSettings> UpsertAsync(
        string tenantId, string displayName, string timeZone, string language, CancellationToken cancellationToken)
    {
        await database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = UpsertSql;
            command.AddParameter("tenant_id", tenantId);
            command.AddParameter("display_name", displayName);
            command.AddParameter("time_zone", timeZone);
            command.AddParameter("language", language);
            command.AddParameter("now", timeProvider.GetUtcNow().UtcDateTime);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return await GetAsync(tenantId, cancellationToken);
    }
}
