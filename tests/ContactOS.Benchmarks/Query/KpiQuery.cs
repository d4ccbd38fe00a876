using ContactOS.Analytics.Periods;
using Npgsql;
using NpgsqlTypes;

namespace ContactOS.Benchmarks.Query;

/// <summary>The prepared KPI statement of <see cref="RawEventTable"/> on its own connection.</summary>
internal sealed class KpiQuery(NpgsqlConnection connection, NpgsqlCommand command) : IAsyncDisposable
{
    public async Task<KpiFigures> RunAsync(ResolvedPeriod period, LocalDay today, LocalDay yesterday, CancellationToken cancellationToken = default)
    {
        Set("from", period.From);
        Set("to", period.To);
        Set("previous_from", period.PreviousFrom);
        Set("today", today.Start);
        Set("tomorrow", today.End);
        Set("yesterday", yesterday.Start);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (total, previousTotal) = (reader.GetInt64(0), reader.GetInt64(1));
        return new KpiFigures(
            total,
            previousTotal,
            Rate(reader.GetInt64(2), total),
            Rate(reader.GetInt64(3), previousTotal),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt64(6),
            reader.GetInt64(7),
            reader.IsDBNull(8) ? null : reader.GetDouble(8),
            reader.IsDBNull(9) ? null : reader.GetDouble(9));
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>As the API computes it: 0 when nothing started.</summary>
    private static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private void Set(string name, DateTimeOffset value) => ((NpgsqlParameter<DateTime>)command.Parameters[name]).TypedValue = value.UtcDateTime;
}
