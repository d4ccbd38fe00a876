using ContactOS.Benchmarks.Infrastructure;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// Command-line options of the query suite: <c>--quick</c> (20,000 conversations, fewer requests and baseline runs: a
/// smoke run), <c>--conversations N</c> and <c>--api-only</c> (the API's latencies alone, without the SQL and DuckDB
/// baselines: minutes shorter at a million conversations, for profiling the silo; the baselines' ratios are not printed).
/// </summary>
internal sealed record QueryOptions(int Conversations, int Requests, int WarmUpRequests, int SqlRuns, TimeSpan SqlBudget, int DuckDbRuns, int DuckDbWarmUpRuns, bool ApiOnly)
{
    public static QueryOptions Parse(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        return new QueryOptions(
            CommandLine.Number(args, "--conversations") ?? (quick ? 20_000 : 1_000_000),
            Requests: quick ? 200 : 1_000,
            WarmUpRequests: quick ? 20 : 100,
            SqlRuns: quick ? 5 : 20,
            // SQL over a million conversations takes seconds a request: the runs per period stop at this budget (but
            // never below five), so the suite ends in minutes.
            SqlBudget: TimeSpan.FromSeconds(quick ? 20 : 60),
            // DuckDB answers many times faster than PostgreSQL here: more runs, so that its p99 is not just its slowest run,
            // within the same budget. Its first runs of a period are not timed, as the API's first requests are not.
            DuckDbRuns: quick ? 20 : 200,
            DuckDbWarmUpRuns: quick ? 2 : 5,
            ApiOnly: CommandLine.Flag(args, "--api-only"));
    }
}
