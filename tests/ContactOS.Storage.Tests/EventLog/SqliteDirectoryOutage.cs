using Microsoft.Data.Sqlite;

namespace ContactOS.Storage.Tests.EventLog;

/// <summary>
/// The data directory disappears and a plain file takes its path, so the database file cannot be opened (as on an
/// unmounted or broken volume); file permissions would not do, since the tests may run as root. Every pooled
/// connection is closed first, so none keeps using the moved file.
/// </summary>
internal sealed class SqliteDirectoryOutage(IReadOnlyDictionary<string, string?> settings) : DatabaseOutage
{
    private readonly string _directory = settings["Storage:DataDirectory"]!;
    private bool _down;

    public override IReadOnlyDictionary<string, string?> Settings => settings;

    private string Aside => _directory + ".aside";

    public override Task BeginAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Move(_directory, Aside);
        File.WriteAllText(_directory, "not a directory");
        _down = true;
        return Task.CompletedTask;
    }

    public override Task EndAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_directory);
        Directory.Move(Aside, _directory);
        _down = false;
        return Task.CompletedTask;
    }

    /// <summary>Puts the directory back even when the test failed during the outage, so its cleanup finds it.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_down)
        {
            await EndAsync();
        }

        await base.DisposeAsync();
    }
}
