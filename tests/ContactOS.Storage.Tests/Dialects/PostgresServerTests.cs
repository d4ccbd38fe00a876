using ContactOS.Testing.Postgres;
using Npgsql;

namespace ContactOS.Storage.Tests.Dialects;

/// <summary>
/// The benchmarks put the PostgreSQL server's CPU per event beside the silo's; that figure comes from the test
/// server's processes, which only a private server can read.
/// </summary>
public sealed class PostgresServerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ProcessorTime_GrowsByTheWorkOfAQueryOnAPrivateServer()
    {
        var server = postgres.Server;
        if (server.IsExternal)
        {
            Assert.Null(server.ProcessorTime);
            return;
        }

        var before = server.ProcessorTime ?? throw new InvalidOperationException("A private server's processor time is unknown.");
        var elapsed = await BusyQueryAsync(postgres.ConnectionString);
        var used = server.ProcessorTime!.Value - before;

        // Its backend ran the query for most of the time it took; the processes' clocks count in steps of 10 ms.
        Assert.True(used >= TimeSpan.FromMilliseconds(100), $"The server used {used.TotalMilliseconds} ms for a query of {elapsed.TotalMilliseconds} ms.");
    }

    private static async Task<TimeSpan> BusyQueryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM generate_series(1, 5000000) AS g WHERE g % 7 = 3", connection);
        Assert.Equal(714_286L, Convert.ToInt64(await command.ExecuteScalarAsync()));
        return started.Elapsed;
    }
}
