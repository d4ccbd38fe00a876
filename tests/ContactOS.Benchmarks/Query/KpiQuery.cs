using System.Data.Common;
using ContactOS.Analytics.Periods;

namespace ContactOS.Benchmarks.Query;

/// <summary>The prepared <see cref="KpiSql"/> statement on its own connection, on PostgreSQL or DuckDB.</summary>
internal sealed class KpiQuery(DbConnection connection, DbCommand command) : IAsyncDisposable
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

    private void Set(string name, DateTimeOffset value) => command.Parameters[name].Value = value.UtcDateTime;
}
