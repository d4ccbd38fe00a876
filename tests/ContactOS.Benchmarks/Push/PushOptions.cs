using ContactOS.Benchmarks.Infrastructure;

namespace ContactOS.Benchmarks.Push;

/// <summary>
/// What <c>push</c> measures: <see cref="Clients"/> dashboards of one tenant while other tenants' traffic is posted at
/// up to <see cref="TargetEventsPerSecond"/> for <see cref="LoadSeconds"/>, and the page's first load.
/// </summary>
internal sealed record PushOptions(int Clients, int TargetEventsPerSecond, int LoadSeconds, int Connections, int PageLoads, int WarmEvents)
{
    /// <summary>Short enough for a probe to be pushed at once, long enough to merge a burst (see docs/live-updates.md).</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Time between two probe events: several update intervals, so that each probe gets an update of its own.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    public const int BatchSize = 1_000;

    public static PushOptions Parse(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        return new PushOptions(
            Clients: CommandLine.Number(args, "--clients") ?? 100,
            TargetEventsPerSecond: CommandLine.Number(args, "--rate") ?? 50_000,
            LoadSeconds: CommandLine.Number(args, "--seconds") ?? (quick ? 5 : 15),
            Connections: CommandLine.Number(args, "--connections") ?? 4,
            PageLoads: quick ? 3 : 7,
            WarmEvents: WarmUp.Events(args, byDefault: quick ? 100_000 : 400_000));
    }
}
