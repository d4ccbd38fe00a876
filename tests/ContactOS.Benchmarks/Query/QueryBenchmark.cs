using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// KPI queries against a tenant with a million conversations: <c>GET /api/v2/analytics/kpis</c> over HTTP on
/// 127.0.0.1 from the real silo process on PostgreSQL (the grains answer from memory), and beside it the same six
/// KPIs computed by one SQL statement over a raw events table holding the same events, on PostgreSQL and on an
/// in-memory DuckDB. All three must agree before any is timed. Then each of the second wave's endpoints (response
/// times, quality, intents, tools, drop-off, costs, the agent leaderboard and the heatmap) is timed the same way for
/// every period (target p99 5 ms).
/// </summary>
internal static class QueryBenchmark
{
    private const int LoadBatchSize = 5_000;
    private const int LoadConnections = 4;
    private const double TargetP99Milliseconds = 2;
    private const double TargetSecondWaveP99Milliseconds = 5;
    private const double TargetSpeedUp = 100;

    private static readonly string[] s_periods = [PeriodResolver.Today, PeriodResolver.SevenDays, PeriodResolver.ThirtyDays, PeriodResolver.NinetyDays];

    /// <summary>The second wave's endpoints (docs/analytics.md), each timed for every period.</summary>
    private static readonly string[] s_secondWave = ["response-times", "quality", "intents", "tools", "drop-off", "costs", "agents", "heatmap"];
    private static readonly TimeSpan s_settleTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = QueryOptions.Parse(args);
        var traffic = new KpiTraffic(options.Conversations, DateTimeOffset.UtcNow);

        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "kpis");
        await using var rawDatabase = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "rawkpis");
        await using var silo = await BenchSilo.StartAsync(database);
        var authorization = await silo.TokenAsync(KpiTraffic.TenantId);

        var (events, loadRate) = await LoadOverHttpAsync(silo, authorization, traffic);
        await WaitUntilCountedAsync(silo, authorization, traffic.Conversations);

        if (options.ApiOnly)
        {
            // Without the baselines' minutes between the load and the first request, the silo may still be storing
            // snapshots and compiling hot code from the load: the timings start once it is quiet.
            await WaitUntilQuietAsync(silo);
            return await ApiOnlyAsync(silo, authorization, traffic, events, loadRate, options);
        }

        Progress($"copying {events:N0} events into the raw events table and indexing it");
        var raw = new RawEventTable(rawDatabase.ConnectionString!);
        await raw.CreateAsync();
        var watch = Stopwatch.StartNew();
        var rows = await raw.LoadAsync(KpiTraffic.TenantId, traffic.Generate());
        Progress($"raw events table: {rows:N0} rows copied and indexed in {watch.Elapsed.TotalSeconds:0.0} s");
        await using var sql = await raw.PrepareAsync(KpiTraffic.TenantId);

        Progress($"loading {events:N0} events into an in-memory DuckDB table");
        await using var duckDb = new DuckDbEventTable();
        await duckDb.CreateAsync();
        watch.Restart();
        var duckDbRows = duckDb.Load(KpiTraffic.TenantId, traffic.Generate());
        Progress($"DuckDB: {duckDbRows:N0} rows appended in {watch.Elapsed.TotalSeconds:0.0} s");
        await using var duckDbSql = await duckDb.PrepareAsync(KpiTraffic.TenantId);

        var mismatches = new List<string>();
        foreach (var period in s_periods)
        {
            var (api, fromSql, fromDuckDb) = await AllThreeAsync(silo, authorization, sql, duckDbSql, period);
            Progress($"{period}: {api.Total:N0} conversations, AI resolution rate {api.AiResolutionRate:P2}, pending {api.Pending:N0}, active {api.Active:N0}");
            mismatches.AddRange(api.Differences(fromSql).Select(d => $"{period}, PostgreSQL: {d}"));
            mismatches.AddRange(api.Differences(fromDuckDb).Select(d => $"{period}, DuckDB: {d}").Select(d => d.Replace(", SQL ", ", DuckDB ", StringComparison.Ordinal)));
        }

        if (mismatches.Count > 0)
        {
            var message = "MISMATCH between the API and SQL over the raw events; one of them is wrong:\n  " + string.Join("\n  ", mismatches);
            Console.Error.WriteLine(message);
            Console.WriteLine(message);
            return 1;
        }

        var table = new ResultTable(
            $"KPI query, {traffic.Conversations:N0} conversations ({events:N0} events) in one tenant, PostgreSQL: " +
            $"API {options.Requests:N0} sequential requests per period after {options.WarmUpRequests} warm-up (and at least {s_warmUpTime.TotalSeconds:0} s); SQL up to {options.SqlRuns} runs per period, " +
            $"DuckDB up to {options.DuckDbRuns} after {options.DuckDbWarmUpRuns} warm-up");
        foreach (var period in s_periods)
        {
            var api = await ApiLatenciesAsync(silo, authorization, "kpis", period, options, TargetP99Milliseconds);
            var fromSql = await BaselineLatenciesAsync("SQL", sql, period, warmUpRuns: 0, options.SqlRuns, options.SqlBudget);
            var fromDuckDb = await BaselineLatenciesAsync("DuckDB", duckDbSql, period, options.DuckDbWarmUpRuns, options.DuckDbRuns, options.SqlBudget);
            var (p50, p99) = (Percentile.Of(api, 50), Percentile.Of(api, 99));
            var (sqlP50, sqlP99) = (Percentile.Of(fromSql, 50), Percentile.Of(fromSql, 99));
            var (duckDbP50, duckDbP99) = (Percentile.Of(fromDuckDb, 50), Percentile.Of(fromDuckDb, 99));
            var (ratio, duckDbRatio) = (sqlP99 / p99, duckDbP99 / p99);
            table.Add($"{period}: API p50", p50, "ms", format: "N3");
            table.Add($"{period}: API p99", p99, "ms", $"target <= {TargetP99Milliseconds:0.#} ms {Met(p99 <= TargetP99Milliseconds)}", format: "N3");
            table.Add($"{period}: SQL over raw events p50 (baseline)", sqlP50, "ms", format: "N1");
            table.Add($"{period}: SQL over raw events p99 (baseline)", sqlP99, "ms",
                $"sql_p99 / api_p99 = {ratio:N0}x (target >= {TargetSpeedUp:N0}x {Met(ratio >= TargetSpeedUp)}; {fromSql.Count} SQL runs)", format: "N1");
            table.Add($"{period}: DuckDB over raw events p50 (baseline)", duckDbP50, "ms", format: "N1");
            table.Add($"{period}: DuckDB over raw events p99 (baseline)", duckDbP99, "ms",
                $"duckdb_p99 / api_p99 = {duckDbRatio:N0}x (target >= {TargetSpeedUp:N0}x {Met(duckDbRatio >= TargetSpeedUp)}; {fromDuckDb.Count} DuckDB runs)", format: "N1");
            table.AddJson(period, new Dictionary<string, object>
            {
                ["p50_ms"] = Math.Round(p50, 3),
                ["p99_ms"] = Math.Round(p99, 3),
                ["sql_p50_ms"] = Math.Round(sqlP50, 1),
                ["sql_p99_ms"] = Math.Round(sqlP99, 1),
                ["ratio"] = Math.Round(ratio, 1),
                ["sql_runs"] = fromSql.Count,
                ["duckdb_p50_ms"] = Math.Round(duckDbP50, 2),
                ["duckdb_p99_ms"] = Math.Round(duckDbP99, 2),
                ["duckdb_ratio"] = Math.Round(duckDbRatio, 1),
                ["duckdb_runs"] = fromDuckDb.Count,
            });
        }

        // The second wave: each endpoint answers from the same grains; its figures must describe the loaded conversations.
        foreach (var endpoint in s_secondWave)
        {
            await AddEndpointAsync(table, silo, authorization, endpoint, options, TargetSecondWaveP99Milliseconds);
        }

        table.Add("loading over HTTP (POST /api/v2/events, not a target)", loadRate, "events/s");
        table.AddJson("conversations", traffic.Conversations);
        table.AddJson("events", events);
        table.AddJson("load_events_per_sec", Math.Round(loadRate));
        table.AddJson("api_requests_per_period", options.Requests);
        table.AddJson("target_p99_ms", TargetP99Milliseconds);
        table.AddJson("target_second_wave_p99_ms", TargetSecondWaveP99Milliseconds);
        table.AddJson("target_ratio", TargetSpeedUp);
        table.Print();
        return 0;
    }

    /// <summary>Waits (at most a minute) until the silo uses under 10 % of a core over a second.</summary>
    private static async Task WaitUntilQuietAsync(BenchSilo silo)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            var before = silo.ProcessorTime;
            await Task.Delay(1_000);
            if ((silo.ProcessorTime - before).TotalSeconds < 0.1)
            {
                break;
            }
        }

        Progress($"the silo was quiet {watch.Elapsed.TotalSeconds:0} s after the load was counted");
    }

    /// <summary>The API's latencies alone (<c>--api-only</c>): every endpoint and period, no baselines.</summary>
    private static async Task<int> ApiOnlyAsync(
        BenchSilo silo, AuthenticationHeaderValue authorization, KpiTraffic traffic, long events, double loadRate, QueryOptions options)
    {
        var table = new ResultTable(
            $"API only, {traffic.Conversations:N0} conversations ({events:N0} events) in one tenant, PostgreSQL: " +
            $"{options.Requests:N0} sequential requests per endpoint and period after {options.WarmUpRequests} warm-up (and at least {s_warmUpTime.TotalSeconds:0} s); no baselines");
        foreach (var endpoint in s_secondWave.Prepend("kpis"))
        {
            await AddEndpointAsync(table, silo, authorization, endpoint, options, endpoint == "kpis" ? TargetP99Milliseconds : TargetSecondWaveP99Milliseconds);
        }

        table.AddJson("conversations", traffic.Conversations);
        table.AddJson("events", events);
        table.AddJson("load_events_per_sec", Math.Round(loadRate));
        table.Print();
        return 0;
    }

    /// <summary>Times <paramref name="endpoint"/> for every period: a p50 and a p99 row each, and one JSON entry with the worst p99.</summary>
    private static async Task AddEndpointAsync(
        ResultTable table, BenchSilo silo, AuthenticationHeaderValue authorization, string endpoint, QueryOptions options, double target)
    {
        var worst = 0.0;
        var json = new Dictionary<string, object>();
        foreach (var period in s_periods)
        {
            var api = await ApiLatenciesAsync(silo, authorization, endpoint, period, options, target);
            var (p50, p99) = (Percentile.Of(api, 50), Percentile.Of(api, 99));
            worst = Math.Max(worst, p99);
            table.Add($"{endpoint} {period}: API p50", p50, "ms", format: "N3");
            table.Add($"{endpoint} {period}: API p99", p99, "ms", $"target <= {target:0.#} ms {Met(p99 <= target)}", format: "N3");
            json[period] = new Dictionary<string, object> { ["p50_ms"] = Math.Round(p50, 3), ["p99_ms"] = Math.Round(p99, 3) };
        }

        json["worst_p99_ms"] = Math.Round(worst, 3);
        table.AddJson(endpoint, json);
    }

    /// <summary>
    /// Sends every conversation's events through <c>POST /api/v2/events</c>, the only way the grains learn them, in
    /// batches made while earlier ones are being sent, so the events are never all in memory at once.
    /// </summary>
    private static async Task<(long Events, double Rate)> LoadOverHttpAsync(BenchSilo silo, AuthenticationHeaderValue authorization, KpiTraffic traffic)
    {
        Progress($"loading {traffic.Conversations:N0} conversations over HTTP");
        var bodies = Channel.CreateBounded<EventBody>(LoadConnections * 2);
        long events = 0;
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<ContactEvent>(LoadBatchSize + 8);
                var conversations = 0;
                foreach (var conversation in traffic.Generate())
                {
                    batch.AddRange(conversation);
                    if (++conversations % Math.Max(1, traffic.Conversations / 10) == 0)
                    {
                        Progress($"  {conversations:N0} conversations generated");
                    }

                    if (batch.Count >= LoadBatchSize)
                    {
                        events += batch.Count;
                        await bodies.Writer.WriteAsync(EventBody.Of(authorization, batch));
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    events += batch.Count;
                    await bodies.Writer.WriteAsync(EventBody.Of(authorization, batch));
                }

                bodies.Writer.Complete();
            }
            catch (Exception exception)
            {
                bodies.Writer.Complete(exception);
            }
        });

        var watch = Stopwatch.StartNew();
        var totals = await EventPoster.PostAllAsync(silo.Http, bodies.Reader, LoadConnections);
        await producer;
        var rate = totals.Accepted / watch.Elapsed.TotalSeconds;
        if (totals.Accepted != events)
        {
            throw new InvalidOperationException($"The silo accepted {totals.Accepted:N0} of {events:N0} events ({totals.Duplicates:N0} duplicates).");
        }

        Progress($"loaded {events:N0} events in {watch.Elapsed.TotalSeconds:0.0} s = {rate:N0} events/s");
        return (events, rate);
    }

    /// <summary>
    /// The tenant aggregator hears of conversations a few milliseconds after ingestion answers; every conversation
    /// started within the last 100 days, so 90d and its previous period together hold all of them once it has.
    /// </summary>
    private static async Task WaitUntilCountedAsync(BenchSilo silo, AuthenticationHeaderValue authorization, long conversations)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var report = KpiFigures.FromApi(await GetKpisAsync(silo, authorization, PeriodResolver.NinetyDays));
            if (report.Total + report.PreviousTotal == conversations)
            {
                return;
            }

            if (watch.Elapsed > s_settleTimeout)
            {
                throw new TimeoutException(
                    $"After {s_settleTimeout.TotalSeconds:0} s the API counts {report.Total + report.PreviousTotal:N0} of {conversations:N0} conversations over 90d and the period before.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The API's figures and both baselines' for the same period, resolved the way the silo resolves it; asked again
    /// when an hour or day boundary passed meanwhile, which would make them describe different periods.
    /// </summary>
    private static async Task<(KpiFigures Api, KpiFigures Sql, KpiFigures DuckDb)> AllThreeAsync(
        BenchSilo silo, AuthenticationHeaderValue authorization, KpiQuery sql, KpiQuery duckDb, string period)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var resolved = PeriodResolver.Resolve(period, now, TimeZoneInfo.Utc);
            var report = await GetKpisAsync(silo, authorization, period);
            var (today, yesterday) = (LocalDay.Today(now, TimeZoneInfo.Utc), LocalDay.Yesterday(now, TimeZoneInfo.Utc));
            var fromSql = await sql.RunAsync(resolved, today, yesterday);
            var fromDuckDb = await duckDb.RunAsync(resolved, today, yesterday);
            if (report.GetProperty("from").GetDateTimeOffset() == resolved.From && report.GetProperty("to").GetDateTimeOffset() == resolved.To &&
                PeriodResolver.Resolve(period, DateTimeOffset.UtcNow, TimeZoneInfo.Utc).From == resolved.From)
            {
                return (KpiFigures.FromApi(report), fromSql, fromDuckDb);
            }
        }
    }

    private static string Met(bool met) => met ? "met" : "not met";

    private static async Task<List<double>> ApiLatenciesAsync(
        BenchSilo silo, AuthenticationHeaderValue authorization, string endpoint, string period, QueryOptions options, double target)
    {
        var path = $"api/v2/analytics/{endpoint}?period={period}";
        // At least the warm-up count and at least WarmUpTime: .NET recompiles hot code optimised only after it has been
        // called for a while (tiered compilation waits 100 ms after the last new method), in the background, and the
        // first timed requests would share the cores with that compilation, which a silo that has served for a while has done.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < options.WarmUpRequests || warmUp.Elapsed < s_warmUpTime; i++)
        {
            await GetAsync(silo.Http, authorization, path);
        }

        if (endpoint != "kpis")
        {
            Progress($"{endpoint} {period}: {Summarize(await GetAsync(silo.Http, authorization, path))}");
        }

        var before = await silo.ScrapeAsync();
        var (siloCpu, ownCpu, machine, watch) = (silo.ProcessorTime, Environment.CpuUsage.TotalTime, MachineCpu.Read(), Stopwatch.StartNew());
        var samples = new List<double>(options.Requests);
        for (var i = 0; i < options.Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(silo.Http, authorization, path);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Whether the tail is the silo's garbage collector (its collections and pauses while the requests ran), or other
        // processes taking the cores (the database server's maintenance after the load, say): their share of the machine.
        var elapsed = watch.Elapsed;
        (siloCpu, ownCpu) = (silo.ProcessorTime - siloCpu, Environment.CpuUsage.TotalTime - ownCpu);
        var others = MachineCpu.OthersShare(machine, MachineCpu.Read(), siloCpu + ownCpu);
        var after = await silo.ScrapeAsync();
        double Delta(string metric) => BenchSilo.Sum(after, metric) - BenchSilo.Sum(before, metric);
        Progress($"{endpoint} {period}: the silo collected garbage {Delta("dotnet_gc_collections_total"):N0} times while the {options.Requests:N0} requests ran, " +
            $"paused {Delta("dotnet_gc_pause_time_seconds_total") * 1000:N1} ms in all; {samples.Count(sample => sample > target)} requests over {target} ms; " +
            $"silo heap after its last collection {BenchSilo.Sum(after, "dotnet_gc_last_collection_heap_size_bytes") / (1 << 20):N0} MiB; " +
            $"in {elapsed.TotalSeconds:N1} s the silo used {siloCpu.TotalSeconds:N2} s of CPU, this process {ownCpu.TotalSeconds:N2} s, " +
            $"other processes {(others is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "(unknown)")} of the machine");
        return samples;
    }

    /// <summary>
    /// Runs of a baseline's statement one after another, after <paramref name="warmUpRuns"/> untimed ones: at most
    /// <paramref name="runs"/>, and none started after <paramref name="budget"/> once five are in.
    /// </summary>
    private static async Task<List<double>> BaselineLatenciesAsync(string name, KpiQuery query, string period, int warmUpRuns, int runs, TimeSpan budget)
    {
        for (var i = 0; i < warmUpRuns; i++)
        {
            await RunAsync(query, period);
        }

        var samples = new List<double>(runs);
        var elapsed = Stopwatch.StartNew();
        while (samples.Count < runs && (samples.Count < 5 || elapsed.Elapsed < budget))
        {
            var started = Stopwatch.GetTimestamp();
            await RunAsync(query, period);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Progress($"{period}: {name} p50 {Percentile.Of(samples, 50):N1} ms over {samples.Count} runs");
        return samples;
    }

    private static Task<KpiFigures> RunAsync(KpiQuery query, string period)
    {
        var now = DateTimeOffset.UtcNow;
        return query.RunAsync(PeriodResolver.Resolve(period, now, TimeZoneInfo.Utc), LocalDay.Today(now, TimeZoneInfo.Utc), LocalDay.Yesterday(now, TimeZoneInfo.Utc));
    }

    /// <summary>The first figures of an answer, so the log shows that it describes the loaded traffic.</summary>
    private static string Summarize(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        var start = text.IndexOf("\"to\"", StringComparison.Ordinal);
        var figures = start < 0 ? text : text[(text.IndexOf(',', start) + 1)..];
        return figures.Length <= 240 ? figures : figures[..240] + "...";
    }

    private static async Task<JsonElement> GetKpisAsync(BenchSilo silo, AuthenticationHeaderValue authorization, string period)
    {
        var body = await GetAsync(silo.Http, authorization, "api/v2/analytics/kpis?period=" + period);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>One request, its whole body read: what a dashboard waits for.</summary>
    private static async Task<byte[]> GetAsync(HttpClient http, AuthenticationHeaderValue authorization, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[query {DateTime.UtcNow:HH:mm:ss}] {message}"));
}
