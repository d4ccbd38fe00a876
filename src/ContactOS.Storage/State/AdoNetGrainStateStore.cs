using System.Data.Common;
using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using ContactOS.Runtime.Persistence;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.State;

/// <summary>
/// Grain state rows with an integer version as ETag. Every write and clear is a single conditional statement, so
/// racing writers are decided by the database: exactly one matches the expected version, the others affect no row.
/// <para>
/// In a cluster each row also records the membership version its writer saw (the owner epoch). A writer whose view
/// is older than the row's is refused even with the right ETag, and a writer with a newer view may replace a row
/// written under an older one: that is the grain's new owner, which rebuilt the grain from its snapshot and the
/// event log, superseding whatever the previous owner wrote late. A silo that knows it was evicted writes nothing.
/// </para>
/// </summary>
internal sealed class AdoNetGrainStateStore : IGrainStateStore
{
    private const string SelectSql =
        "SELECT payload, etag, log_position FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string SelectETagSql =
        "SELECT etag FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key";

    private const string InsertSql =
        """
        INSERT INTO contactos_grain_state (grain_type, grain_key, etag, payload, log_position, updated_at, owner_epoch)
        VALUES (@grain_type, @grain_key, @etag, @payload, @log_position, @now, @epoch)
        ON CONFLICT (grain_type, grain_key) DO UPDATE
        SET etag = contactos_grain_state.etag + 1, payload = excluded.payload, log_position = excluded.log_position,
            updated_at = excluded.updated_at, owner_epoch = excluded.owner_epoch
        WHERE contactos_grain_state.owner_epoch < excluded.owner_epoch
        RETURNING etag
        """;

    private const string UpdateSql =
        """
        UPDATE contactos_grain_state
        SET etag = etag + 1, payload = @payload, log_position = @log_position, updated_at = @now, owner_epoch = @epoch
        WHERE grain_type = @grain_type AND grain_key = @grain_key AND owner_epoch <= @epoch
          AND (etag = @etag OR owner_epoch < @epoch)
        RETURNING etag
        """;

    private const string DeleteSql =
        "DELETE FROM contactos_grain_state WHERE grain_type = @grain_type AND grain_key = @grain_key AND etag = @etag";

    private readonly StorageDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly IClusterView? _cluster;
    private readonly IPlacementDirector? _placement;

    public AdoNetGrainStateStore(StorageDatabase database, TimeProvider timeProvider, IClusterView? cluster = null, IPlacementDirector? placement = null)
    {
        _database = database;
        _timeProvider = timeProvider;
        _cluster = cluster;
        _placement = placement;
    }

    /// <summary>
    /// The owner epoch this silo writes under: its view's membership version when it owns the grain, one less when it
    /// does not (a grain being deactivated because it moved), so the new owner's writes always win over the old one's.
    /// </summary>
    private long OwnerEpoch(GrainId grainId)
    {
        var version = _cluster?.Current.Version ?? 0;
        return version > 0 && _placement?.IsLocal(grainId) == false ? version - 1 : version;
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
            if (_cluster?.IsEvicted == true)
            {
                throw new InconsistentStateException(
                    $"State of grain {grainId} is not written: the cluster declared this silo dead, and the grain's new owner writes it now.");
            }

            if (VersionETag.TryParse(expectedETag, out var expectedVersion))
            {
                await using var command = connection.CreateCommand(expectedVersion is null ? InsertSql : UpdateSql, grainId);
                command.AddParameter("payload", payload);
                command.AddParameter("log_position", logPosition);
                command.AddParameter("now", _timeProvider.GetUtcNow().UtcDateTime);
                command.AddParameter("epoch", OwnerEpoch(grainId));
                // Update: the expected version. Insert: the new generation's first version.
                command.AddParameter("etag", expectedVersion ?? VersionETag.NewGeneration());
                if (await command.ExecuteScalarAsync(cancellationToken) is { } stored and not DBNull)
                {
                    return VersionETag.Format(Convert.ToInt64(stored, CultureInfo.InvariantCulture));
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
    private async Task<InconsistentStateException> ConflictAsync(
        DbConnection connection, GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        var stored = await ReadETagAsync(connection, grainId, cancellationToken);
        if (stored == expectedETag && _cluster is not null)
        {
            return new InconsistentStateException(
                $"State of grain {grainId} is not written: a silo with a newer view of the cluster membership than this silo's " +
                $"(version {_cluster.Current.Version}) owns the grain and wrote its state. The activation is dropped.");
        }

        return new InconsistentStateException(grainId, expectedETag, stored);
    }
}
