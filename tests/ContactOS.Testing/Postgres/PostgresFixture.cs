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
