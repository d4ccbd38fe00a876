using ContactOS.Testing.Sqlite;

namespace ContactOS.Runtime.Tests.Conformance;

/// <summary>The conformance suite on SQLite, the embedded default: a database file in a fresh data directory.</summary>
public sealed class SqliteRuntimeConformanceTests : SqlRuntimeConformanceTests, IDisposable
{
    private readonly SqliteTestDirectory _directory = new();

    protected override IReadOnlyDictionary<string, string?> StorageSettings => new Dictionary<string, string?>
    {
        ["Provider"] = "sqlite",
        ["DataDirectory"] = _directory.Path,
    };

    /// <summary>A data directory below a regular file cannot be created.</summary>
    protected override IReadOnlyDictionary<string, string?> UnreachableStorageSettings => new Dictionary<string, string?>
    {
        ["Provider"] = "sqlite",
        ["DataDirectory"] = Path.Combine(BlockingFile(), "data"),
    };

    protected override string UnreachableHint => "Storage:DataDirectory";

    protected override Task InitializeStorageAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    private string BlockingFile()
    {
        var file = Path.Combine(_directory.Path, "not-a-directory");
        File.WriteAllText(file, "a file where the data directory should go");
        return file;
    }
}
