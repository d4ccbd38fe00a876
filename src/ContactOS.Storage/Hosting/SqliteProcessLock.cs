using ContactOS.Storage.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Hosting;

/// <summary>
/// One process per SQLite database: at start-up the process takes an exclusive lock on <c>contactos.db.silo-lock</c>
/// beside the database file and keeps it until it stops. A second process on the same file would apply every event a
/// second time and fight over grain state; it fails start-up instead. The operating system releases the lock when the
/// process ends, however it ends, so a crash never leaves a stale lock behind. Nothing happens on PostgreSQL.
/// </summary>
internal sealed class SqliteProcessLock(IOptions<StorageOptions> options) : IHostedService, IDisposable
{
    public const string FileName = StorageOptions.SqliteFileName + ".silo-lock";

    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (!storage.IsSqlite)
        {
            return Task.CompletedTask;
        }

        var directory = Path.GetFullPath(storage.DataDirectory);
        var path = Path.Combine(directory, FileName);
        try
        {
            Directory.CreateDirectory(directory);
            // FileShare.None is an exclusive advisory lock (flock on Linux and macOS, a sharing lock on Windows).
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new StorageConfigurationException(
                $"Another silo is already running on the SQLite database in '{directory}' (it holds the lock file '{FileName}'). " +
                "SQLite serves one process: stop the other one, give this one its own Storage:DataDirectory, or run several " +
                $"silos as a cluster with Storage:Provider '{StorageOptions.PostgresProvider}'.", ex);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
