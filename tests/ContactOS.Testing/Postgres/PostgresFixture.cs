using Npgsql;
using Xunit;

namespace ContactOS.Testing.Postgres;

/// <summary>
/// xunit class fixture (<c>IClassFixture&lt;PostgresFixture&gt;</c>): gives a test class a fresh, empty database on
/// the run's shared <see cref="PostgresServer"/>, and drops it and any database the class made afterwards.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private PostgresServer? _server;

    /// <summary>Connection string of this test class's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The shared server, for tests that need more than a database.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>
    /// Another fresh, empty database (e.g. one per test when tests must not see each other's rows); dropped with the
    /// fixture.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var connectionString = await Server.CreateDatabaseAsync(prefix);
        lock (_databases)
        {
            _databases.Add(connectionString);
        }

        return connectionString;
    }

    /// <summary>
    /// A fresh schema in this class's database and a connection string whose <c>Search Path</c> names it: as isolated
    /// as a database for ContactOS (every table, the schema version included, lives in it), but created in a
    /// millisecond where CREATE DATABASE takes hundreds on a busy machine. Dropped with the database.
    /// </summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await CreateDatabaseAsync("test");
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        string[] databases;
        lock (_databases)
        {
            databases = [.. _databases];
        }

        foreach (var database in databases)
        {
            await _server.DropDatabaseAsync(database);
        }
    }
}
