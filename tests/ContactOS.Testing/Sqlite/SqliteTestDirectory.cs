using Microsoft.Data.Sqlite;

namespace ContactOS.Testing.Sqlite;

/// <summary>
/// A temp directory for one test's SQLite database (use it as <c>Storage:DataDirectory</c>), deleted on dispose.
/// </summary>
public sealed class SqliteTestDirectory : IDisposable
{
    public SqliteTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"contactos-test-sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    public void Dispose()
    {
        // Pooled connections keep the files open; closing idle ones lets the directory go on every platform.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A connection still in use elsewhere keeps a file; a temp leftover does no harm.
        }
    }
}
