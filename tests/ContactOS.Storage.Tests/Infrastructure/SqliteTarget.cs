using ContactOS.Testing.Sqlite;

namespace ContactOS.Storage.Tests.Infrastructure;

public sealed class SqliteTarget : StorageTarget
{
    private readonly List<SqliteTestDirectory> _directories = [];

    public override Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync()
    {
        var directory = new SqliteTestDirectory();
        _directories.Add(directory);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory.Path,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var directory in _directories)
        {
            directory.Dispose();
        }

        await base.DisposeAsync();
    }
}
