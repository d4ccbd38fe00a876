using ContactOS.Benchmarks.Infrastructure;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// Command-line options of the ingest suite: <c>--quick</c> (small sizes, a smoke run), <c>--breakdown</c> (where the
/// time goes), <c>--connections N</c> (concurrent client connections, default 4), <c>--events N</c> (events per run),
/// <c>--warm N</c> (events posted to each fresh silo before its run is timed, by default twice the run; see
/// <see cref="WarmUp"/>), <c>--database sqlite|postgres</c> (one database only; both by default), <c>--runs N</c> (runs
/// per figure, default 3).
/// </summary>
internal sealed record IngestOptions(
    bool Quick, bool Breakdown, int Connections, int EventsPerRun, int WarmEvents, int Runs, IReadOnlyList<string> Databases)
{
    public static IngestOptions Parse(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var events = CommandLine.Number(args, "--events") ?? (quick ? 20_000 : 200_000);
        return new IngestOptions(
            quick,
            CommandLine.Flag(args, "--breakdown"),
            CommandLine.Number(args, "--connections") ?? 4,
            events,
            WarmEvents: WarmUp.Events(args, byDefault: Math.Max(2_000, 2 * events)),
            Runs: CommandLine.Number(args, "--runs") ?? 3,
            CommandLine.Choice(args, "--database", BenchDatabase.All) is { } database ? [database] : BenchDatabase.All);
    }
}
