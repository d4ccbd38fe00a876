namespace ContactOS.Testing.Processes;

/// <summary>How <see cref="SiloProcess.Start"/> runs the silo host.</summary>
public sealed record SiloProcessOptions
{
    /// <summary>
    /// <c>Storage:DataDirectory</c> (SQLite), passed on the command line when set; also the working directory unless
    /// <see cref="WorkingDirectory"/> says otherwise. Use a <c>SqliteTestDirectory</c>.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Port on 127.0.0.1; 0 (default) lets the silo bind any free port, read back from its start-up log.</summary>
    public int Port { get; init; }

    /// <summary>More command-line arguments, after the URL and data directory (so they can override them).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Environment variables for the process, e.g. <c>CONTACTOS_Storage__Provider</c>. Inherited <c>CONTACTOS_*</c>,
    /// <c>ASPNETCORE_*</c> and <c>Urls</c> variables are removed first so the test machine cannot change the outcome.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether a silo in demo mode plays the demo's own traffic (<c>Demo:Traffic</c>). Off unless a test asks: the demo
    /// tenants' history and live events would only compete with the test for the machine. <see cref="Arguments"/> can
    /// still set <c>Demo:Traffic</c>, since they come later.
    /// </summary>
    public bool DemoTraffic { get; init; }

    /// <summary>Working directory; defaults to <see cref="DataDirectory"/>, else the temp directory.</summary>
    public string? WorkingDirectory { get; init; }
}
