using System.Net;
using System.Net.Sockets;
using ContactOS.Testing.Postgres;

namespace ContactOS.Runtime.Tests.Conformance;

/// <summary>The conformance suite on a real PostgreSQL server started for the test run.</summary>
/// <remarks>Each test gets its own schema, so reminders one test registers never fire in another's silos.</remarks>
public sealed class PostgresRuntimeConformanceTests(PostgresFixture postgres) : SqlRuntimeConformanceTests, IClassFixture<PostgresFixture>
{
    private string _connectionString = "";

    protected override IReadOnlyDictionary<string, string?> StorageSettings => new Dictionary<string, string?>
    {
        ["Provider"] = "postgres",
        ["ConnectionString"] = _connectionString,
    };

    protected override IReadOnlyDictionary<string, string?> UnreachableStorageSettings => new Dictionary<string, string?>
    {
        ["Provider"] = "postgres",
        ["ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=contactos;Username=contactos;Password=secret;Timeout=3",
    };

    protected override string UnreachableHint => "Storage:ConnectionString";

    protected override async Task InitializeStorageAsync() => _connectionString = await postgres.CreateSchemaAsync();

    /// <summary>A port nothing listens on: bound once to learn a free number, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
