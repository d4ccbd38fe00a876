using ContactOS.Benchmarks.Cluster;
using ContactOS.Benchmarks.Grains;
using ContactOS.Benchmarks.Ingest;
using ContactOS.Benchmarks.Push;
using ContactOS.Benchmarks.Query;
using ContactOS.Benchmarks.Sentiment;

// Each suite measures its baseline in the same run and ends with one JSON line of figures.
var suites = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["grains"] = GrainsBenchmark.RunAsync,
    ["ingest"] = IngestBenchmark.RunAsync,
    ["query"] = QueryBenchmark.RunAsync,
    ["push"] = PushBenchmark.RunAsync,
    ["cluster"] = ClusterBenchmark.RunAsync,
    ["sentiment"] = SentimentBenchmark.RunAsync,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/ContactOS.Benchmarks -- <{string.Join('|', suites.Keys)}> [--quick]");
    return 2;
}

return await suite(args[1..]);
