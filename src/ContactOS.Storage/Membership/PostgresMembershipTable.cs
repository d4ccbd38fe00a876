using System.Data.Common;
using ContactOS.Runtime.Membership;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.Membership;

/// <summary>
/// The membership in PostgreSQL (schema version 5). A change is one transaction: the version row's compare-and-swap
/// (<c>UPDATE ... WHERE version = @expected</c>; a concurrent writer blocks on the row lock, then finds the version
/// moved and matches nothing), then each row changed only if it is still exactly as read. Heartbeats are a single
/// guarded update at the server's clock. Used only with <c>Storage:Provider=postgres</c>: start-up validation
/// refuses a cluster on SQLite before this is called.
/// </summary>
internal sealed class PostgresMembershipTable(StorageDatabase database) : IMembershipTable
{
    private const string ReadSql =
        """
        SELECT v.version, clock_timestamp(), m.address, m.silo_name, m.roles, m.status, m.epoch, m.started_at, m.heartbeat_at
        FROM contactos_membership_version v LEFT JOIN contactos_membership m ON true
        WHERE v.id = 1
        ORDER BY m.address
        """;

    private const string BumpVersionSql =
        "UPDATE contactos_membership_version SET version = version + 1 WHERE id = 1 AND version = @expected RETURNING version";

    private const string InsertSql =
        """
        INSERT INTO contactos_membership (address, silo_name, roles, status, epoch, started_at, heartbeat_at)
        VALUES (@address, @silo_name, @roles, @status, @epoch, @started_at, @heartbeat_at)
        ON CONFLICT (address) DO NOTHING
        """;

    private const string UpdateSql =
        """
        UPDATE contactos_membership
        SET silo_name = @silo_name, roles = @roles, status = @status, epoch = @epoch, started_at = @started_at, heartbeat_at = @heartbeat_at
        WHERE address = @address AND epoch = @seen_epoch AND status = @seen_status AND heartbeat_at = @seen_heartbeat_at
        """;

    private const string HeartbeatSql =
        "UPDATE contactos_membership SET heartbeat_at = clock_timestamp() WHERE address = @address AND epoch = @epoch AND status = 'active'";

    private const string DeleteDefunctSql =
        """
        DELETE FROM contactos_membership
        WHERE status IN ('left', 'dead') AND heartbeat_at < clock_timestamp() - make_interval(secs => @older_than_seconds)
        """;

    public Task<int> DeleteDefunctAsync(TimeSpan olderThan, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, null, DeleteDefunctSql);
            command.AddParameter("older_than_seconds", olderThan.TotalSeconds);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            long version = 0;
            var readAt = DateTimeOffset.MinValue;
            var members = new List<ClusterMember>();
            while (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt64(0);
                readAt = reader.GetFieldValue<DateTimeOffset>(1);
                if (!reader.IsDBNull(2))
                {
                    members.Add(new ClusterMember(
                        reader.GetString(2),
                        reader.GetString(3),
                        ParseRoles(reader.GetString(4)),
                        ParseStatus(reader.GetString(5)),
                        reader.GetInt64(6),
                        reader.GetFieldValue<DateTimeOffset>(7),
                        reader.GetFieldValue<DateTimeOffset>(8)));
                }
            }

            return new MembershipSnapshot(version, readAt, members);
        }, cancellationToken);

    public Task<long?> TryUpdateAsync(long expectedVersion, IReadOnlyList<MemberUpdate> updates, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            // Disposed without a commit on every early return: the transaction rolls back and nothing was changed.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var bump = Command(connection, transaction, BumpVersionSql);
            bump.AddParameter("expected", expectedVersion);
            if (await bump.ExecuteScalarAsync(cancellationToken) is not long version)
            {
                return null;
            }

            foreach (var update in updates)
            {
                if (!await ApplyAsync(connection, transaction, update, cancellationToken))
                {
                    return null;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return (long?)version;
        }, cancellationToken);

    public Task<bool> HeartbeatAsync(string address, long epoch, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, null, HeartbeatSql);
            command.AddParameter("address", address);
            command.AddParameter("epoch", epoch);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    private static async Task<bool> ApplyAsync(DbConnection connection, DbTransaction transaction, MemberUpdate update, CancellationToken cancellationToken)
    {
        var next = update.Next;
        await using var command = Command(connection, transaction, update.Previous is null ? InsertSql : UpdateSql);
        command.AddParameter("address", next.Address);
        command.AddParameter("silo_name", next.Name);
        command.AddParameter("roles", FormatRoles(next.Roles));
        command.AddParameter("status", FormatStatus(next.Status));
        command.AddParameter("epoch", next.Epoch);
        command.AddParameter("started_at", next.StartedAt);
        command.AddParameter("heartbeat_at", next.HeartbeatAt);
        if (update.Previous is { } seen)
        {
            command.AddParameter("seen_epoch", seen.Epoch);
            command.AddParameter("seen_status", FormatStatus(seen.Status));
            command.AddParameter("seen_heartbeat_at", seen.HeartbeatAt);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string FormatRoles(SiloRoles roles) => roles switch
    {
        SiloRoles.Front => "front",
        SiloRoles.Worker => "worker",
        SiloRoles.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(roles), roles, "A silo is front, worker or both."),
    };

    private static SiloRoles ParseRoles(string roles) => roles switch
    {
        "front" => SiloRoles.Front,
        "worker" => SiloRoles.Worker,
        _ => SiloRoles.Both,
    };

    private static string FormatStatus(MemberStatus status) => status.ToString().ToLowerInvariant();

    private static MemberStatus ParseStatus(string status) => Enum.Parse<MemberStatus>(status, ignoreCase: true);
}
