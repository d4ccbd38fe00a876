using System.Data.Common;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.Tenants;

/// <summary>API key rows in <c>contactos_api_keys</c>; the same SQL serves SQLite and PostgreSQL.</summary>
internal sealed class AdoNetApiKeyStore(StorageDatabase database, TimeProvider timeProvider) : IApiKeyStore
{
    private const string Columns = "key_id, tenant_id, name, prefix, created_at, revoked_at";

    // A key may be the tenant's first stored data: its row (with defaults) must exist for the foreign key.
    private const string EnsureTenantSql =
        """
        INSERT INTO contactos_tenants (tenant_id, display_name, time_zone, created_at)
        VALUES (@tenant_id, @tenant_id, 'UTC', @now)
        ON CONFLICT (tenant_id) DO NOTHING
        """;

    private const string InsertSql =
        """
        INSERT INTO contactos_api_keys (key_id, tenant_id, name, prefix, key_hash, created_at)
        VALUES (@key_id, @tenant_id, @name, @prefix, @key_hash, @now)
        """;

    private const string ListSql =
        $"SELECT {Columns} FROM contactos_api_keys WHERE tenant_id = @tenant_id ORDER BY created_at, key_id";

    private const string FindSql =
        $"SELECT {Columns} FROM contactos_api_keys WHERE key_hash = @key_hash AND revoked_at IS NULL";

    private const string RevokeSql =
        """
        UPDATE contactos_api_keys SET revoked_at = COALESCE(revoked_at, @now)
        WHERE tenant_id = @tenant_id AND key_id = @key_id
        """;

    public Task<ApiKeyRecord> CreateAsync(
        string tenantId, string name, string prefix, byte[] keyHash, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var id = Guid.CreateVersion7(now).ToString("N");
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var ensure = Command(connection, transaction, EnsureTenantSql, tenantId, now))
            {
                await ensure.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var insert = Command(connection, transaction, InsertSql, tenantId, now))
            {
                insert.AddParameter("key_id", id);
                insert.AddParameter("name", name);
                insert.AddParameter("prefix", prefix);
                insert.AddParameter("key_hash", (ReadOnlyMemory<byte>)keyHash);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new ApiKeyRecord(id, tenantId, name, prefix, new DateTimeOffset(now), null);
        }, cancellationToken);

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ApiKeyRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ListSql;
            command.AddParameter("tenant_id", tenantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keys = new List<ApiKeyRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(Read(reader));
            }

            return keys;
        }, cancellationToken);

    public Task<ApiKeyRecord?> FindActiveByHashAsync(byte[] keyHash, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = FindSql;
            command.AddParameter("key_hash", (ReadOnlyMemory<byte>)keyHash);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, cancellationToken);

    public Task<bool> RevokeAsync(string tenantId, string keyId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, null, RevokeSql, tenantId, timeProvider.GetUtcNow().UtcDateTime);
            command.AddParameter("key_id", keyId);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, string tenantId, DateTime now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("tenant_id", tenantId);
        command.AddParameter("now", now);
        return command;
    }

    private static ApiKeyRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        StoredTime.Read(reader, 4),
        StoredTime.ReadNullable(reader, 5));
}
