using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ContactOS.Analytics.Events;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Ingest;
using ContactOS.Benchmarks.Reporting;
using ContactOS.Testing.Processes;
using ContactOS.Testing.SignalR;

namespace ContactOS.Benchmarks.Push;

/// <summary>
/// Live updates end to end on the real silo process (Release, SQLite): how long after the API acknowledges an event
/// each of <see cref="PushOptions.Clients"/> SignalR .NET clients (WebSocket transport) watching that tenant has the
/// update, while other tenants' traffic is posted over HTTP as fast as the machine takes it up to the target rate. A probe event
/// (one new conversation) is posted every 200 ms to the watched tenant; each client's latency for a probe is from the
/// moment the API's answer arrived to the moment the client read an update counting the probe. Then the dashboard's
/// first load in headless Chromium (<see cref="FirstLoad"/>), with the clients still connected.
/// </summary>
internal static class PushBenchmark
{
    private const string ProbeTenant = "push-probe";
    private const double TargetP99Milliseconds = 100;
    private const double TargetFirstLoadMilliseconds = 1_000;

    private static readonly string[] s_loadTenants = ["push-load-1", "push-load-2", "push-load-3", "push-load-4"];
    private static readonly string[] s_warmTenants = ["push-warm-1", "push-warm-2"];
    private static readonly TimeSpan s_probeBound = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = PushOptions.Parse(args);
        var now = DateTimeOffset.UtcNow;
        Progress($"generating {options.TargetEventsPerSecond * options.LoadSeconds:N0} events of load traffic");
        var load = IngestTraffic.Generate(s_loadTenants, options.TargetEventsPerSecond * options.LoadSeconds, duplicateRatio: 0, now, seed: 3);

        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Sqlite, "push");
        var environment = new Dictionary<string, string>(database.ToEnvironment())
        {
            ["CONTACTOS_Demo__Enabled"] = "true",
            ["CONTACTOS_Live__UpdateInterval"] = PushOptions.UpdateInterval.ToString("c", CultureInfo.InvariantCulture),
        };
        await using var silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = database.DataDirectory, Environment = environment });
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var http = NewClient(silo.BaseAddress!);
        using var probeHttp = NewClient(silo.BaseAddress!);

        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var tenant in s_loadTenants.Concat(s_warmTenants).Append(ProbeTenant).Append(FirstLoad.TenantId))
        {
            tokens[tenant] = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, tenant, "admin", "ingest"));
        }

        Progress($"warming the silo up with {options.WarmEvents:N0} events of other tenants");
        var warm = IngestTraffic.Generate(s_warmTenants, options.WarmEvents, duplicateRatio: 0, now, seed: 4);
        await EventPoster.PostAllAsync(http, warm.Bodies(tokens, PushOptions.BatchSize), options.Connections);

        Progress($"connecting {options.Clients} SignalR clients to {ProbeTenant}");
        var viewer = await TokenAsync(http, ProbeTenant, "viewer");
        var clients = new List<LiveConnection>(options.Clients);
        try
        {
            for (var i = 0; i < options.Clients; i++)
            {
                var client = await LiveConnection.ConnectAsync(silo.BaseAddress!, "hubs/analytics", viewer);
                clients.Add(client);
                await client.InvokeAsync("Watch", "today");
                await client.NextAsync(s_probeBound);
            }

            Progress($"posting load at up to {options.TargetEventsPerSecond:N0} events/s for {options.LoadSeconds} s while probing");
            var (fromAck, fromSend, overtaken, probes, accepted, seconds) = await MeasureUnderLoadAsync(http, probeHttp, tokens, load, clients, options);

            Progress("measuring the dashboard's first load in headless Chromium");
            await FirstLoad.PrepareAsync(http, tokens[FirstLoad.TenantId], DateTimeOffset.UtcNow);
            var loads = await FirstLoad.MeasureAsync(silo.BaseAddress!, await TokenAsync(http, FirstLoad.TenantId, "viewer"), options.PageLoads, warmUps: 1);

            var rate = accepted / seconds;
            var (p50, p99) = (Percentile.Of(fromAck, 50), Percentile.Of(fromAck, 99));
            var drawn = loads.Select(load => load.ChartsDrawn).ToList();
            var firstLoad = Percentile.Of(drawn, 50);
            var table = new ResultTable(
                $"Live push: {options.Clients} SignalR clients (JSON protocol over WebSocket) watching one tenant, {probes} probe events, " +
                $"Live:UpdateInterval {PushOptions.UpdateInterval.TotalMilliseconds:0} ms; load on {s_loadTenants.Length} other tenants over {options.Connections} HTTP connections");
            table.Add("clients", options.Clients, "", jsonKey: "clients");
            table.Add("load ingested (accepted, durable)", rate, "events/s",
                $"target {options.TargetEventsPerSecond:N0}/s {(rate >= options.TargetEventsPerSecond * 0.98 ? "reached" : "not reached on this machine")}; {accepted:N0} events in {seconds:0.0} s",
                jsonKey: "events_per_sec");
            table.Add("API answer -> update at each client, p50", p50, "ms", format: "N1", jsonKey: "p50_ms");
            table.Add("API answer -> update at each client, p99", p99, "ms",
                $"{(p99 <= TargetP99Milliseconds ? "target <= 100 ms met" : "target <= 100 ms not met")}; {fromAck.Count:N0} samples, {overtaken:N0} updates arrived before the API's answer (counted as 0)",
                format: "N1", jsonKey: "p99_ms");
            table.Add("request sent -> update at each client, p50", Percentile.Of(fromSend, 50), "ms", "includes the durable write of the probe", format: "N1", jsonKey: "p50_from_send_ms");
            table.Add("request sent -> update at each client, p99", Percentile.Of(fromSend, 99), "ms", format: "N1", jsonKey: "p99_from_send_ms");
            table.Add("first load to all charts drawn, median", firstLoad, "ms",
                $"{(firstLoad <= TargetFirstLoadMilliseconds ? "target <= 1 s met" : "target <= 1 s not met")}; navigation start to the last chart drawn, on the page's clock; " +
                $"{drawn.Count} loads with an empty cache after 1 warm-up load, slowest {drawn.Max():N0} ms",
                format: "N0", jsonKey: "first_load_ms");
            table.Add("  first load: scripts run, median", Percentile.Of([.. loads.Select(load => load.ScriptsRun)], 50), "ms", "DOMContentLoaded", format: "N0", jsonKey: "first_load_scripts_ms");
            table.Add("  first load: API answers in, median", Percentile.Of([.. loads.Select(load => load.DataIn)], 50), "ms", "the last answer the charts waited for", format: "N0", jsonKey: "first_load_data_ms");
            table.Add("  first load: benchmark's stopwatch, median", Percentile.Of([.. loads.Select(load => load.Wall)], 50), "ms",
                "from the automation's navigate call until it saw the charts drawn (polls every 20 ms)", format: "N0", jsonKey: "first_load_stopwatch_ms");
            table.AddJson("target_events_per_sec", options.TargetEventsPerSecond);
            table.AddJson("update_interval_ms", PushOptions.UpdateInterval.TotalMilliseconds);
            table.Print();
            return 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<(List<double> FromAck, List<double> FromSend, int Overtaken, int Probes, long Accepted, double Seconds)> MeasureUnderLoadAsync(
        HttpClient http, HttpClient probeHttp, IReadOnlyDictionary<string, AuthenticationHeaderValue> tokens, IngestTraffic load,
        IReadOnlyList<LiveConnection> clients, PushOptions options)
    {
        var bodies = load.Bodies(tokens, PushOptions.BatchSize);
        using var stop = new CancellationTokenSource();
        var queue = Channel.CreateBounded<EventBody>(new BoundedChannelOptions(options.Connections) { SingleWriter = true });
        var watch = Stopwatch.StartNew();
        var pacing = PaceAsync(bodies, queue.Writer, options.TargetEventsPerSecond, TimeSpan.FromSeconds(options.LoadSeconds), stop.Token);
        var posting = EventPoster.PostAllAsync(http, queue.Reader, options.Connections, CancellationToken.None);

        var fromAck = new List<double>();
        var fromSend = new List<double>();
        var overtaken = 0;
        var probes = 0;
        while (!pacing.IsCompleted)
        {
            var next = watch.Elapsed + PushOptions.ProbeInterval;
            probes++;
            var sent = Stopwatch.GetTimestamp();
            await PostProbeAsync(probeHttp, tokens[ProbeTenant], probes);
            var acknowledged = Stopwatch.GetTimestamp();
            var received = await Task.WhenAll(clients.Select(client => UpdateCountingAsync(client, probes)));
            foreach (var at in received)
            {
                var afterAck = Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds;
                if (at < acknowledged)
                {
                    overtaken++;
                    afterAck = 0;
                }

                fromAck.Add(afterAck);
                fromSend.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }

            var wait = next - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        await pacing;
        var totals = await posting;
        return (fromAck, fromSend, overtaken, probes, totals.Accepted, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Hands the poster one batch per <c>BatchSize / rate</c> seconds until <paramref name="duration"/> is over or the
    /// traffic runs out. The queue holds one batch per connection: when the silo is slower than the target, this waits
    /// and the achieved rate is what the silo took.
    /// </summary>
    private static async Task PaceAsync(IReadOnlyList<EventBody> bodies, ChannelWriter<EventBody> writer, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var sent = 0L;
        try
        {
            foreach (var body in bodies)
            {
                if (watch.Elapsed >= duration)
                {
                    break;
                }

                var due = TimeSpan.FromSeconds((double)sent / rate);
                if (due > watch.Elapsed)
                {
                    await Task.Delay(due - watch.Elapsed, cancellationToken);
                }

                await writer.WriteAsync(body, cancellationToken);
                sent += body.Events;
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>One new conversation in the watched tenant: its "today" total goes up by one.</summary>
    private static async Task PostProbeAsync(HttpClient http, AuthenticationHeaderValue token, int probe)
    {
        var contactEvent = new ContactEvent
        {
            Id = $"probe-{probe}",
            Type = EventTypes.ConversationStarted,
            Timestamp = DateTimeOffset.UtcNow,
            ConversationId = $"probe-{probe}",
            Channel = "web",
        };
        var totals = await EventPoster.PostAsync(http, EventBody.Of(token, [contactEvent]));
        if (totals.Accepted != 1)
        {
            throw new InvalidOperationException($"Probe {probe} was not accepted as new: {totals}.");
        }
    }

    /// <summary>When <paramref name="client"/> read the first update whose total counts <paramref name="probes"/> conversations.</summary>
    private static async Task<long> UpdateCountingAsync(LiveConnection client, int probes)
    {
        while (true)
        {
            var message = await client.NextAsync(s_probeBound);
            var total = message.Payload.GetProperty("kpis").GetProperty("totalConversations").GetProperty("value").GetDouble();
            if (total >= probes)
            {
                return message.ReceivedAt;
            }
        }
    }

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    private static async Task<string> TokenAsync(HttpClient http, string tenant, params string[] roles)
    {
        using var response = await http.PostAsJsonAsync("api/v2/auth/dev-token", new { tenant, roles });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"dev-token for '{tenant}' answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("token").GetString()!;
    }

    private static void Progress(string message) => Console.Error.WriteLine($"push: {message}");
}
