using System.Data.Common;
using System.Globalization;
using ContactOS.Storage.Dialects;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace ContactOS.Storage.State;

/// <summary>
/// Orleans grain storage on the product's database: one row per grain type, state name and grain key, with an integer
/// version as ETag. Rows are keyed by the grain type and state name as text and by the key exactly as given, so two grain
/// types never share a row and no two keys ("c1", "00C1") map to one: tenant ids are user-chosen, and either would leak
/// one tenant's state into another's. Every write and clear is a single conditional statement, so racing writers are
/// decided by the database: exactly one matches the expected version, the others get <see cref="InconsistentStateException"/>.
/// State is stored with the Orleans serializer, which tolerates added and removed fields.
/// </summary>
internal sealed class ContactOSGrainStorage(StorageDatabase database, TimeProvider timeProvider, Serializer serializer) : IGrainStorage
{
    private const string SelectSql =
        "SELECT payload, etag FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string SelectETagSql =
        "SELECT etag FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string InsertSql =
        """
        INSERT INTO contactos_grain_state (grain_type, grain_key, etag, payload, updated_at)
        VALUES (@grain_type, @grain_key, @etag, @payload, @now)
        ON CONFLICT (grain_type, grain_key) DO NOTHING
        RETURNING etag
        """;

    private const string UpdateSql =
        """
        UPDATE contactos_grain_state SET etag = etag + 1, payload = @payload, updated_at = @now
        WHERE grain_type = @grain_type AND grain_key = @grain_key AND etag = @etag
        RETURNING etag
        """;

    private const string DeleteSql =
        "DELETE FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key AND etag = @etag";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.RunAsync(async connection =>
        {
            await using var command = CreateCommand(connection, SelectSql, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
                return;
            }

            grainState.State = serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0));
            grainState.ETag = VersionETag.Format(reader.GetInt64(1));
            grainState.RecordExists = true;
        }, CancellationToken.None);

    /// <remarks>
    /// The state is serialized on the caller's turn (the object is the grain's); the statement runs on the thread pool and
    /// the ETag is set back on the turn. A grain whose read-only calls may interleave with a write therefore answers them
    /// while a large state is being written, even on SQLite, whose driver does its work synchronously.
    /// </remarks>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = grainState.ETag;
        var payload = VersionETag.TryParse(etag, out var expected) ? serializer.SerializeToArray(grainState.State) : null;
        var stored = await Task.Run(() => database.RunAsync(async connection =>
        {
            if (payload is not null)
            {
                await using var command = CreateCommand(connection, expected is null ? InsertSql : UpdateSql, stateName, grainId);
                command.AddParameter("payload", payload);
                command.AddParameter("now", timeProvider.GetUtcNow().UtcDateTime);
                // Update: the version expected. Insert: the first version of a new generation.
                command.AddParameter("etag", expected ?? VersionETag.NewGeneration());
                if (await command.ExecuteScalarAsync() is { } version and not DBNull)
                {
                    return Convert.ToInt64(version, CultureInfo.InvariantCulture);
                }
            }

            throw await ConflictAsync(connection, stateName, grainId, etag);
        }, CancellationToken.None));
        grainState.ETag = VersionETag.Format(stored);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.RunAsync(async connection =>
        {
            if (VersionETag.TryParse(grainState.ETag, out var expected))
            {
                var cleared = expected is { } version
                    ? await DeleteAsync(connection, stateName, grainId, version)
                    : await ReadETagAsync(connection, stateName, grainId) is null;
                if (cleared)
                {
                    grainState.ETag = null;
                    grainState.RecordExists = false;
                    return;
                }
            }

            throw await ConflictAsync(connection, stateName, grainId, grainState.ETag);
        }, CancellationToken.None);

    /// <summary>The row's type column: the grain type and the state's name, so each state of each grain type has its own rows.</summary>
    internal static string RowType(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";

    private static DbCommand CreateCommand(DbConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("grain_type", RowType(stateName, grainId));
        command.AddParameter("grain_key", grainId.Key.ToString());
        return command;
    }

    private static async Task<bool> DeleteAsync(DbConnection connection, string stateName, GrainId grainId, long version)
    {
        await using var command = CreateCommand(connection, DeleteSql, stateName, grainId);
        command.AddParameter("etag", version);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static async Task<string?> ReadETagAsync(DbConnection connection, string stateName, GrainId grainId)
    {
        await using var command = CreateCommand(connection, SelectETagSql, stateName, grainId);
        var stored = await command.ExecuteScalarAsync();
        return stored is null or DBNull ? null : VersionETag.Format(Convert.ToInt64(stored, CultureInfo.InvariantCulture));
    }

    /// <summary>Slow path only: looks up the stored ETag so the error says what the caller raced against.</summary>
    private static async Task<InconsistentStateException> ConflictAsync(DbConnection connection, string stateName, GrainId grainId, string? expected)
    {
        var stored = await ReadETagAsync(connection, stateName, grainId);
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was written by another activation (stored version {stored ?? "none"}, " +
            $"this activation expected {expected ?? "none"}); the activation is dropped and the next call reloads it.",
            stored, expected);
    }
}
