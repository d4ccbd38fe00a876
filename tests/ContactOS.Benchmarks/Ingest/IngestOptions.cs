using ContactOS.Benchmarks.Infrastructure;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// Command-line options of the ingest suite: <c>--quick</c> (small sizes, a smoke run), <c>--breakdown</c> (where the
/// time goes), <c>--steps</c> (only the silo's steps alone, each on one core: a minute instead of the end-to-end runs, for
/// comparing two versions of the code), <c>--connections N</c> (concurrent client connections, default 16: see
/// <see cref="DefaultConnections"/>), <c>--events N</c> (events per run),
/// <c>--warm N</c> (events posted to each fresh silo before its run is timed, by default four times the run; see
/// <see cref="WarmUp"/>), <c>--database sqlite|postgres</c> (one database only; both by default), <c>--runs N</c> (runs
/// per figure, default 3).
/// </summary>
internal sealed record IngestOptions(
    bool Quick, bool Breakdown, bool Steps, int Connections, int EventsPerRun, int WarmEvents, int Runs, IReadOnlyList<string> Databases)
{
    /// <summary>
    /// Enough senders to keep the silo saturated. The group commit writes whatever batches arrived while the previous
    /// group was being written: with 4 connections of 1,000-event batches a group held 1,700 events on average and the
    /// silo sat idle between groups; with 16 it holds 5,000-8,000, and each event costs SQLite fewer page writes.
    /// </summary>
    public const int DefaultConnections = 16;

    /// <summary>
    /// Warm-up, in runs' worth of events. With dynamic PGO a hot method first runs instrumented and is compiled for good
    /// later; at 16 connections two runs' worth of warm-up left the timed SQLite run at 22-27 us of silo CPU per event,
    /// four runs' worth at 12-17 us (alternated runs). With <c>DOTNET_TieredPGO=0</c> the shorter warm-up measured
    /// 15-18 us, so what the longer one waits for is that compilation; a fully warmed silo without PGO measured 16-19 us,
    /// so PGO stays on and the warm-up is longer.
    /// </summary>
    public const int WarmRuns = 4;

    public static IngestOptions Parse(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var events = CommandLine.Number(args, "--events") ?? (quick ? 20_000 : 200_000);
        return new IngestOptions(
            quick,
            CommandLine.Flag(args, "--breakdown"),
            CommandLine.Flag(args, "--steps"),
            CommandLine.Number(args, "--connections") ?? DefaultConnections,
            events,
            WarmEvents: WarmUp.Events(args, byDefault: Math.Max(2_000, WarmRuns * events)),
            Runs: CommandLine.Number(args, "--runs") ?? 3,
            CommandLine.Choice(args, "--database", BenchDatabase.All) is { } database ? [database] : BenchDatabase.All);
    }
}
