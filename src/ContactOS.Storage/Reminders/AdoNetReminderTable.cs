using System.Data.Common;
using System.Globalization;
using ContactOS.Runtime;
using ContactOS.Runtime.Reminders;
using ContactOS.Storage.Dialects;

namespace ContactOS.Storage.Reminders;

/// <summary>
/// Reminder rows keyed by (grain type, grain key, name). Start times are stored in UTC with microsecond precision,
/// periods in whole milliseconds.
/// </summary>
internal sealed class AdoNetReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ms, etag";

    private const string SelectAllSql =
        $"SELECT {Columns} FROM contactos_reminders ORDER BY grain_type, grain_key, name";

    private const string SelectByGrainSql =
        $"SELECT {Columns} FROM contactos_reminders WHERE grain_type = @grain_type AND grain_key = @grain_key ORDER BY name";

    private const string SelectOneSql =
        $"SELECT {Columns} FROM contactos_reminders WHERE grain_type = @grain_type AND grain_key = @grain_key AND name = @name";

    private const string UpsertSql =
        """
        INSERT INTO contactos_reminders (grain_type, grain_key, name, start_at, period_ms, etag)
        VALUES (@grain_type, @grain_key, @name, @start_at, @period_ms, 1)
        ON CONFLICT (grain_type, grain_key, name)
        DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, etag = contactos_reminders.etag + 1
        RETURNING etag
        """;

    private const string DeleteSql =
        "DELETE FROM contactos_reminders WHERE grain_type = @grain_type AND grain_key = @grain_key AND name = @name AND etag = @etag";

    private readonly StorageDatabase _database;

    public AdoNetReminderTable(StorageDatabase database) => _database = database;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SelectAllSql;
            return await ReadEntriesAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand(SelectByGrainSql, grainId);
            return await ReadEntriesAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand(SelectOneSql, grainId);
            command.AddParameter("name", name);
            var entries = await ReadEntriesAsync(command, cancellationToken);
            return entries.Count == 0 ? null : entries[0];
        }, cancellationToken);

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero);
        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand(UpsertSql, entry.GrainId);
            command.AddParameter("name", entry.Name);
            command.AddParameter("start_at", entry.StartAt.UtcDateTime);
            command.AddParameter("period_ms", entry.Period.Ticks / TimeSpan.TicksPerMillisecond);
            var eTag = await command.ExecuteScalarAsync(cancellationToken);
            return VersionETag.Format(Convert.ToInt64(eTag, CultureInfo.InvariantCulture));
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken)
    {
        if (!VersionETag.TryParse(eTag, out var version) || version is null)
        {
            // Not an ETag this table issued, so it cannot match the stored row.
            return Task.FromResult(false);
        }

        return _database.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand(DeleteSql, grainId);
            command.AddParameter("name", name);
            command.AddParameter("etag", version);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                // SQLite hands back the text without a kind; both dialects store UTC.
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                VersionETag.Format(reader.GetInt64(5))));
        }

        return entries;
    }
}
