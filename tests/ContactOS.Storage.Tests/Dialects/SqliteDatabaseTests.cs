using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.Tests.Dialects;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Start_MissingDataDirectory_CreatesItWithDatabaseFileInWalModeForSharedAccess()
    {
        using var temp = new SqliteTestDirectory();
        var dataDirectory = Path.Combine(temp.Path, "nested", "data");

        await using (await StorageHost.StartAsync(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }))
        {
        }

        var file = Path.Combine(dataDirectory, "contactos.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
