using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactOS.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL server in a temp directory, tuned for tests (no fsync), listening on 127.0.0.1 only.
/// PostgreSQL refuses to run as root, so as root the directory is given to the <c>postgres</c> user and every
/// server command runs through <c>runuser</c>.
/// </summary>
internal sealed class LocalPostgresCluster
{
    private const string DirectoryPrefix = "contactos-test-pg-";
    private const string ServiceUser = "postgres";
    private const int StartAttempts = 3;

    private readonly PostgresBinaries _binaries;
    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly bool _asServiceUser;

    private LocalPostgresCluster(PostgresBinaries binaries, string root, bool asServiceUser)
    {
        _binaries = binaries;
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        _asServiceUser = asServiceUser;
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<LocalPostgresCluster> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var asServiceUser = IsRoot();
        await RemoveAbandonedAsync(binaries, asServiceUser);

        // The process id in the name lets a later run recognise and remove a cluster whose test process was killed.
        var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(root);
        var cluster = new LocalPostgresCluster(binaries, root, asServiceUser);
        try
        {
            await cluster.InitializeAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    /// <summary>
    /// Processor time used so far by the server: the postmaster, its children alive now (the backends of open
    /// connections, the writers) and those it has reaped, from <c>/proc</c> in clock ticks of 10 ms. Null off Linux or
    /// when the server is not running. A backend that exits between two readings counts in the later one only once
    /// reaped, so differences are exact for pooled connections that stay open across them.
    /// </summary>
    public TimeSpan? ProcessorTime()
    {
        const double SecondsPerTick = 0.01; // USER_HZ, 100 on every Linux architecture .NET runs on
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return null;
        }

        long ticks = 0;
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }

            // "pid (comm) state ppid ... utime stime cutime cstime ...": comm may hold spaces, so count from its ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += Field(11) + Field(12) + Field(13) + Field(14);
                found = true;
            }
            else if (Field(1) == postmaster)
            {
                ticks += Field(11) + Field(12);
            }
        }

        return found ? TimeSpan.FromSeconds(ticks * SecondsPerTick) : null;
    }

    private async Task StopAsync()
    {
        await StopServerAsync(_binaries, _dataDirectory, _asServiceUser);
        TryDelete(_root);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_asServiceUser)
        {
            await ProcessRunner.RunAsync("chown", [ServiceUser, _root], cancellationToken);
        }

        await StartReaperAsync(cancellationToken);

        var (initDb, initDbArguments) = Command(_asServiceUser, _binaries.InitDb,
            "-D", _dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        await ProcessRunner.RunAsync(initDb, initDbArguments, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the free port before the server binds it; a new port fixes that.
            var port = FindFreePort();
            try
            {
                await StartServerAsync(port, cancellationToken);
                ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
            }
        }
    }

    private async Task StartServerAsync(int port, CancellationToken cancellationToken)
    {
        var log = Path.Combine(_root, "server.log");
        var options = string.Join(' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_root}",
            "-c listen_addresses=127.0.0.1",
            // Durability is worthless for a database deleted after the run; speed is not.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            // A new cluster has no write-ahead log segments to recycle, so it creates one every 16 MB of writes and, by
            // default, fills it with zeros first: 8 % of the server's CPU under the ingest benchmark. A server that has
            // run for a while recycles its segments instead; this keeps the fresh one from paying for that.
            "-c wal_init_zero=off",
            "-c max_connections=300");
        var (pgCtl, arguments) = Command(_asServiceUser, _binaries.PgCtl,
            "-D", _dataDirectory, "-l", log, "-w", "-t", "60", "-o", options, "start");
        try
        {
            // -w: returns once the server accepts connections.
            await ProcessRunner.RunAsync(pgCtl, arguments, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : "(no server log)";
            throw new InvalidOperationException($"{ex.Message}\nServer log {log}:\n{serverLog}", ex);
        }
    }

    /// <summary>
    /// Test hosts are often killed right after the last test (vstest does not wait for exit handlers), so cleanup
    /// cannot run inside this process. A detached shell waits for this process to end, however it ends, then stops
    /// the server (immediate: no checkpoint, the data is thrown away) and deletes the directory.
    /// </summary>
    private async Task StartReaperAsync(CancellationToken cancellationToken)
    {
        const string script =
            """
            owner="$1"; root="$2"; shift 2
            ( while kill -0 "$owner" 2>/dev/null; do sleep 1; done; "$@"; rm -rf "$root" ) </dev/null >/dev/null 2>&1 &
            """;
        var (pgCtl, stopArguments) = StopCommand(_binaries, _dataDirectory, _asServiceUser);
        string[] arguments = ["-c", script, "reaper", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _root, pgCtl, .. stopArguments];
        await ProcessRunner.RunAsync("/bin/sh", arguments, cancellationToken);
    }

    private static (string FileName, string[] Arguments) StopCommand(PostgresBinaries binaries, string dataDirectory, bool asServiceUser) =>
        Command(asServiceUser, binaries.PgCtl, "-D", dataDirectory, "-m", "immediate", "-w", "stop");

    private static async Task StopServerAsync(PostgresBinaries binaries, string dataDirectory, bool asServiceUser)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return;
        }

        var (pgCtl, arguments) = StopCommand(binaries, dataDirectory, asServiceUser);
        try
        {
            await ProcessRunner.RunAsync(pgCtl, arguments);
        }
        catch (InvalidOperationException)
        {
            // Already gone; the directory is deleted next either way.
        }
    }

    /// <summary>Clusters whose test process ended but whose reaper did not finish (machine restart, reaper killed).</summary>
    private static async Task RemoveAbandonedAsync(PostgresBinaries binaries, bool asServiceUser)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var name = Path.GetFileName(root)[DirectoryPrefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), CultureInfo.InvariantCulture, out var ownerPid) || IsAlive(ownerPid))
            {
                continue;
            }

            await StopServerAsync(binaries, Path.Combine(root, "data"), asServiceUser);
            TryDelete(root);
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static (string FileName, string[] Arguments) Command(bool asServiceUser, string program, params string[] arguments) =>
        asServiceUser ? ("runuser", ["-u", ServiceUser, "--", program, .. arguments]) : (program, arguments);

    private static bool IsRoot()
    {
        // Effective uid is the second number on the "Uid:" line.
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var uid = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = uid?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields is { Length: > 2 })
            {
                return fields[2] == "0";
            }
        }

        return Environment.UserName == "root";
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless; RemoveAbandonedAsync retries on the next run.
        }
    }
}
