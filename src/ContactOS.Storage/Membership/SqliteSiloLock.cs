using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Storage.Configuration;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Membership;

/// <summary>
/// One silo per SQLite database: at start-up the silo takes an exclusive lock on <c>contactos.db.silo-lock</c> beside
/// the database file and keeps it until it stops. A second silo on the same file would process every event a
/// second time and fight over grain state; it fails start-up instead. The operating system releases the lock when
/// the process ends, however it ends, so a crash never leaves a stale lock behind. Nothing happens on PostgreSQL.
/// </summary>
internal sealed class SqliteSiloLock(IOptions<StorageOptions> options) : ISiloStartupTask, IDisposable
{
    public const string FileName = StorageOptions.SqliteFileName + ".silo-lock";

    private FileStream? _lock;

    public Task ExecuteAsync(CancellationToken cancellationToken)
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
            throw new ClusterConfigurationException(
                $"Another silo is already running on the SQLite database in '{directory}' (it holds the lock file '{FileName}'). " +
                "SQLite serves one silo: stop the other silo, give this one its own Storage:DataDirectory, or run several silos " +
                $"as a cluster with Storage:Provider '{StorageOptions.PostgresProvider}' and Cluster:Enabled true.", ex);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _lock?.Dispose();
}
