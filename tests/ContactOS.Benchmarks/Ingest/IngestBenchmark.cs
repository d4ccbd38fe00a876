using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// Durable ingestion end to end: HTTP batches from several connections on 127.0.0.1 into the real silo process, which
/// answers once the events are in its event log and the grains have them. Beside it, on a fresh database of the same
/// schema, the raw bulk insert of the same rows into the same table: the physical limit. On SQLite and on PostgreSQL.
/// </summary>
internal static class IngestBenchmark
{
    private const int BatchSize = 1_000;
    private const double TargetEventsPerSecond = 100_000;

    private static readonly string[] s_tenants = ["bench-a", "bench-b", "bench-c", "bench-d"];
    private static readonly string[] s_warmTenants = ["warm-a", "warm-b"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestOptions.Parse(args);
        var now = DateTimeOffset.UtcNow;
        Progress($"generating {options.EventsPerRun:N0} events of traffic for {s_tenants.Length} tenants");
        var traffic = IngestTraffic.Generate(s_tenants, options.EventsPerRun, duplicateRatio: 0, now, seed: 1);
        var warm = IngestTraffic.Generate(s_warmTenants, options.WarmEvents, duplicateRatio: 0, now, seed: 2);

        if (options.Steps)
        {
            var steps = await IngestBreakdown.StepsAsync(traffic, warm, BatchSize);
            steps.AddJson("events", traffic.DistinctCount);
            steps.Print();
            return 0;
        }

        var table = new ResultTable(
            $"Durable ingestion: {traffic.DistinctCount:N0} events per run, batches of {BatchSize:N0}, {options.Connections} connections, " +
            $"median of {options.Runs} runs, fresh database per run");
        foreach (var provider in options.Databases)
        {
            var runs = new List<EndToEndRun>();
            for (var i = 0; i < options.Runs; i++)
            {
                runs.Add(await EndToEndAsync(provider, traffic, warm, options.Connections));
            }

            var raws = new List<RawInsert>();
            for (var i = 0; i < options.Runs; i++)
            {
                raws.Add(await RawInsertAsync(provider, traffic, warm));
            }

            var endToEnd = Median.Of(runs.Select(r => r.EventsPerSecond));
            var raw = Median.Of(raws.Select(r => r.RowsPerSecond));
            var ratio = endToEnd / raw;
            table.Add($"{provider}: end to end over HTTP (accepted events)", endToEnd, "events/s",
                endToEnd >= TargetEventsPerSecond ? "target >= 100,000 met" : "target >= 100,000 not met");
            table.Add($"{provider}: raw bulk insert, same rows (baseline)", raw, "rows/s", $"end to end = {ratio:P0} of raw");
            var siloCpu = Math.Round(Median.Of(runs.Select(r => r.SiloCpuMicroseconds)), 1);
            table.Add($"{provider}: silo CPU per event, end to end (median)", siloCpu, "us", format: "N1");
            var json = new Dictionary<string, object>
            {
                ["events_per_sec"] = Math.Round(endToEnd),
                ["raw_rows_per_sec"] = Math.Round(raw),
                ["ratio"] = Math.Round(ratio, 3),
                ["silo_cpu_us_per_event"] = siloCpu,
            };
            // What the run's processes spend per event, all together, and the rate the machine's cores would give at that
            // cost if nothing else ran: the ceiling the hardware puts on this path, whatever the neighbours do. Only when
            // every process's CPU is known: an external PostgreSQL server's is not (SQLite runs inside the silo).
            if (provider == BenchDatabase.Sqlite || runs.All(r => r.ServerCpuMicroseconds is not null))
            {
                var totalCpu = Math.Round(Median.Of(runs.Select(r => r.TotalCpuMicroseconds)), 1);
                var ceiling = Math.Round(Environment.ProcessorCount * 1e6 / totalCpu);
                table.Add($"{provider}: CPU per event, silo + client + database server (median)", totalCpu, "us", format: "N1");
                table.Add($"{provider}: the {Environment.ProcessorCount} cores' ceiling at that cost", ceiling, "events/s",
                    ceiling >= TargetEventsPerSecond ? "above the target" : "below the target");
                json["cpu_us_per_event"] = totalCpu;
                json["cpu_bound_events_per_sec"] = ceiling;
            }

            if (runs.All(r => r.OthersCpuShare is not null))
            {
                var others = Math.Round(Median.Of(runs.Select(r => r.OthersCpuShare!.Value)), 3);
                table.Add($"{provider}: share of the machine's CPU other processes used during the runs (median)", others * 100, "%", format: "N1");
                json["other_processes_cpu_share"] = others;
            }

            if (runs.All(r => r.ServerCpuMicroseconds is not null) && raws.All(r => r.ServerCpuMicroseconds is not null))
            {
                // Rates swing with the machine's other load; CPU per event says what each side costs.
                var server = Math.Round(Median.Of(runs.Select(r => r.ServerCpuMicroseconds!.Value)), 1);
                var rawServer = Math.Round(Median.Of(raws.Select(r => r.ServerCpuMicroseconds!.Value)), 1);
                table.Add($"{provider}: server CPU per event, end to end (median)", server, "us", format: "N1");
                table.Add($"{provider}: server CPU per row, raw bulk insert (median)", rawServer, "us", format: "N1");
                json["server_cpu_us_per_event"] = server;
                json["raw_server_cpu_us_per_row"] = rawServer;
            }

            table.AddJson(provider, json);
        }

        table.AddJson("events_per_run", traffic.DistinctCount);
        table.AddJson("batch_size", BatchSize);
        table.AddJson("connections", options.Connections);
        table.AddJson("runs", options.Runs);
        table.AddJson("target_events_per_sec", TargetEventsPerSecond);
        if (options.Breakdown)
        {
            table.AddJson("breakdown", await IngestBreakdown.RunAsync(traffic, warm, options.Connections, BatchSize, now));
        }

        table.Print();
        return 0;
    }

    /// <summary>
    /// A fresh database and silo, warmed up with other tenants' events (JIT, connection pools), then the traffic: accepted
    /// events per second from the first request sent to the last answer received.
    /// </summary>
    public static async Task<EndToEndRun> EndToEndAsync(string provider, IngestTraffic traffic, IngestTraffic warm, int connections)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, "ingest");
        await using var silo = await BenchSilo.StartAsync(database);
        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var tenantId in traffic.TenantIds.Concat(warm.TenantIds))
        {
            tokens[tenantId] = await silo.TokenAsync(tenantId);
        }

        var bodies = traffic.Bodies(tokens, BatchSize);
        await EventPoster.PostAllAsync(silo.Http, warm.Bodies(tokens, BatchSize), connections);
        Progress($"{provider} end to end: silo {silo.ProcessId} warmed up with {warm.DistinctCount:N0} events; timing {traffic.DistinctCount:N0}");

        var (siloCpu, clientCpu, serverCpu) = (silo.ProcessorTime, Environment.CpuUsage.TotalTime, database.ServerProcessorTime);
        var machine = MachineCpu.Read();
        var watch = Stopwatch.StartNew();
        var totals = await EventPoster.PostAllAsync(silo.Http, bodies, connections);
        var elapsed = watch.Elapsed;
        (siloCpu, clientCpu, serverCpu) = (silo.ProcessorTime - siloCpu, Environment.CpuUsage.TotalTime - clientCpu, database.ServerProcessorTime - serverCpu);
        var othersShare = MachineCpu.OthersShare(machine, MachineCpu.Read(), siloCpu + clientCpu + (serverCpu ?? TimeSpan.Zero));
        if (totals.Accepted + totals.Duplicates != traffic.Events.Count || totals.Accepted != traffic.DistinctCount)
        {
            throw new InvalidOperationException(
                $"The silo accepted {totals.Accepted:N0} and called {totals.Duplicates:N0} duplicates of {traffic.Events.Count:N0} events " +
                $"({traffic.DistinctCount:N0} distinct).");
        }

        var rate = totals.Accepted / elapsed.TotalSeconds;
        var run = new EndToEndRun(rate, totals.Duplicates, siloCpu.TotalMicroseconds / totals.Accepted, clientCpu.TotalMicroseconds / totals.Accepted,
            serverCpu?.TotalMicroseconds / totals.Accepted, othersShare);
        Progress($"{provider} end to end, {connections} connections: {totals.Accepted:N0} accepted, {totals.Duplicates:N0} duplicates in {elapsed.TotalSeconds:0.00} s = {rate:N0} events/s; " +
            $"CPU per event: silo {run.SiloCpuMicroseconds:0.0} us, client {run.ClientCpuMicroseconds:0.0} us" +
            (run.ServerCpuMicroseconds is { } server ? $", server {server:0.0} us" : "") +
            (othersShare is { } others ? $"; other processes used {others:P0} of the machine's CPU" : ""));
        return run;
    }

    /// <summary>
    /// The same rows straight into the event-log table of a fresh database by the product's bulk loader, after the
    /// warm-up rows and once the database has written them out: the physical limit, measured on a quiet database. Also
    /// the PostgreSQL server's CPU per row (null on SQLite and on an external server).
    /// </summary>
    public static async Task<RawInsert> RawInsertAsync(string provider, IngestTraffic traffic, IngestTraffic warm)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, "raw");
        await using var storage = await InProcessStorage.OpenAsync(database);
        var rows = traffic.LogRows();
        await storage.BulkLoader.LoadAsync(warm.LogRows(), CancellationToken.None);
        await database.SettleAsync();

        var serverCpu = database.ServerProcessorTime;
        var watch = Stopwatch.StartNew();
        var loaded = await storage.BulkLoader.LoadAsync(rows, CancellationToken.None);
        var rate = loaded / watch.Elapsed.TotalSeconds;
        var perRow = (database.ServerProcessorTime - serverCpu)?.TotalMicroseconds / loaded;
        Progress($"{provider} raw bulk insert: {loaded:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s = {rate:N0} rows/s" +
            (perRow is { } cpu ? $"; server CPU {cpu:0.0} us per row" : ""));
        return new RawInsert(rate, perRow);
    }

    /// <summary>One raw bulk insert: rows per second, and the PostgreSQL server's CPU per row (null on SQLite and on an external server).</summary>
    public sealed record RawInsert(double RowsPerSecond, double? ServerCpuMicroseconds);

    /// <summary>Progress goes to stderr: stdout carries the table and, last, the JSON line.</summary>
    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[ingest {DateTime.UtcNow:HH:mm:ss}] {message}"));
}
