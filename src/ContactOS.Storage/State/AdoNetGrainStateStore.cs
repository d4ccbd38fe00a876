using System.Data.Common;
using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Persistence;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.State;

/// <summary>
/// Grain state rows with an integer version as ETag. Every write and clear is a single conditional statement, so
/// racing writers are decided by the database: exactly one matches the expected version, the others affect no row.
/// </summary>
internal sealed class AdoNetGrainStateStore : IGrainStateStore
{
    private const string SelectSql =
        "SELECT payload, etag, log_position FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string SelectETagSql =
        "SELECT etag FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string InsertSql =
        """
        INSERT INTO contactos_grain_state (grain_type, grain_key, etag, payload, log_position, updated_at)
        VALUES (@grain_type, @grain_key, @etag, @payload, @log_position, @now)
        ON CONFLICT (grain_type, grain_key) DO NOTHING
        """;

    private const string UpdateSql =
        """
        UPDATE contactos_grain_state
        SET etag = etag + 1, payload = @payload, log_position = @log_position, updated_at = @now
        WHERE grain_type = @grain_type AND grain_key = @grain_key AND etag = @etag
        """;

    private const string DeleteSql =
        "DELETE FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key AND etag = @etag";

    private readonly StorageDatabase _database;
    private readonly TimeProvider _timeProvider;

    public AdoNetGrainStateStore(StorageDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
    }

    public Task<StoredState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand(SelectSql, grainId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new StoredState(
                reader.GetFieldValue<byte[]>(0),
                VersionETag.Format(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }, cancellationToken);

    public Task<string> WriteAsync(
        GrainId grainId, ReadOnlyMemory<byte> payload, string? expectedETag, long? logPosition, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            if (VersionETag.TryParse(expectedETag, out var expectedVersion))
            {
                await using var command = connection.CreateCommand(expectedVersion is null ? InsertSql : UpdateSql, grainId);
                command.AddParameter("payload", payload);
                command.AddParameter("log_position", logPosition);
                command.AddParameter("now", _timeProvider.GetUtcNow().UtcDateTime);
                // Update: the expected version. Insert: the new generation's first version.
                var version = expectedVersion ?? VersionETag.NewGeneration();
                command.AddParameter("etag", version);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return VersionETag.Format(expectedVersion is null ? version : version + 1);
                }
            }

            throw await ConflictAsync(connection, grainId, expectedETag, cancellationToken);
        }, cancellationToken);

    public Task ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            if (VersionETag.TryParse(expectedETag, out var expectedVersion))
            {
                if (expectedVersion is { } version)
                {
                    await using var command = connection.CreateCommand(DeleteSql, grainId);
                    command.AddParameter("etag", version);
                    if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                    {
                        return true;
                    }
                }
                else if (await ReadETagAsync(connection, grainId, cancellationToken) is null)
                {
                    // Nothing stored and nothing expected: already clear.
                    return true;
                }
            }

            throw await ConflictAsync(connection, grainId, expectedETag, cancellationToken);
        }, cancellationToken);

    private static async Task<string?> ReadETagAsync(DbConnection connection, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(SelectETagSql, grainId);
        var stored = await command.ExecuteScalarAsync(cancellationToken);
        return stored is null or DBNull ? null : VersionETag.Format(Convert.ToInt64(stored, CultureInfo.InvariantCulture));
    }

    /// <summary>Slow path only: looks up the stored ETag so the error says what the caller raced against.</summary>
    private static async Task<InconsistentStateException> ConflictAsync(
        DbConnection connection, GrainId grainId, string? expectedETag, CancellationToken cancellationToken) =>
        new(grainId, expectedETag, await ReadETagAsync(connection, grainId, cancellationToken));
}
