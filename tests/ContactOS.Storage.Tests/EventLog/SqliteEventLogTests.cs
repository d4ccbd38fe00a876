using ContactOS.Storage.Configuration;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactOS.Storage.Tests.EventLog;

public sealed class SqliteEventLogTests(ITestOutputHelper output) : EventLogTests(new SqliteTarget(), output)
{
    private readonly ITestOutputHelper _output = output;

    protected override string EmptyLogSql => "DELETE FROM contactos_event_log";

    protected override DatabaseOutage CreateOutage(IReadOnlyDictionary<string, string?> settings) => new SqliteDirectoryOutage(settings);

    [Fact]
    public async Task SustainedAppends_KeepTheWriteAheadLogSmall_AndEveryEventReadsBack()
    {
        const int Calls = 30;
        const int PerCall = 2_000;
        var log = (await StartLogAsync()).EventLog;
        var wal = new FileInfo(Path.Combine(Settings["Storage:DataDirectory"]!, StorageOptions.SqliteFileName + "-wal"));
        long largest = 0;
        long written = 0;

        for (var call = 0; call < Calls; call++)
        {
            await log.AppendAsync(SmallEvents($"call-{call}", PerCall), CancellationToken.None);
            // SQLite deletes the file when the last connection to the database closes.
            wal.Refresh();
            var length = wal.Exists ? wal.Length : 0;
            largest = Math.Max(largest, length);
            if (call == 0)
            {
                written = length;
            }
        }

        // The log's commits skip SQLite's own checkpoint; the background one copies the log into the file after each,
        // and the writer waits for it once the log passes its limit, so the log restarts instead of growing as long as
        // appends go on (without the checkpoints these commits write about 70 MB of log).
        const long PageBytes = 4_096;
        _output.WriteLine($"write-ahead log: first commit {written:N0} bytes, largest {largest:N0} bytes after {Calls} commits");
        Assert.True(largest < 2 * SqliteCheckpointer.LimitFrames * PageBytes, $"The write-ahead log grew to {largest:N0} bytes; one commit writes {written:N0}.");
        Assert.Equal(Calls * PerCall, (await ReadAllAsync(log)).Count);
    }
}
