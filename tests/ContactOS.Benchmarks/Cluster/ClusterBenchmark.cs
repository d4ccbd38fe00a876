using System.Globalization;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Ingest;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Cluster;

/// <summary>
/// The cluster on this machine, each figure beside its baseline from the same run: ingestion end to end through three
/// processes against one, a grain call to another silo against one to a local grain, and failover: a worker killed
/// with SIGKILL under ingestion, timed to its death being detected and to every figure being exact again (the
/// product's target: exact within 10 s of the detection). On two cores three processes share the CPU, so the
/// ingestion figure is a ratio, not a speed-up.
/// </summary>
internal static class ClusterBenchmark
{
    private const double ExactWithinSeconds = 10;

    private static readonly string[] s_tenants = ["clu-a", "clu-b", "clu-c", "clu-d", "clu-e", "clu-f"];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var events = CommandLine.Number(args, "--events") ?? (quick ? 20_000 : 100_000);
        var runs = quick ? 1 : 3;
        var time = TimeProvider.System;
        var now = time.GetUtcNow();
        var traffic = IngestTraffic.Generate(s_tenants, events, duplicateRatio: 0, now, seed: 11);
        // Other tenants' events into every fresh cluster before its run is timed (see WarmUp).
        var warm = IngestTraffic.Generate(["warm-a", "warm-b", "warm-c"], WarmUp.Events(args, byDefault: 2 * events), duplicateRatio: 0, now, seed: 12);
        var table = new ResultTable(
            $"Cluster on PostgreSQL, this machine's {Environment.ProcessorCount} cores: {traffic.DistinctCount:N0} events per ingestion run, " +
            $"batches of {ClusterIngest.BatchSize:N0}, {ClusterIngest.Connections} connections, median of {runs} runs, fresh database and processes per run");

        var one = new List<(double Rate, double? Others)>();
        var three = new List<(double Rate, double? Others)>();
        for (var i = 0; i < runs; i++)
        {
            // Alternated, so a change in the neighbours' load falls on both sides.
            one.Add(await ClusterIngest.RunAsync(traffic, warm, time, ClusterProcesses.Both));
            three.Add(await ClusterIngest.RunAsync(traffic, warm, time, ClusterProcesses.Both, ClusterProcesses.Both, ClusterProcesses.Both));
        }

        var oneRate = Median.Of(one.Select(r => r.Rate));
        var threeRate = Median.Of(three.Select(r => r.Rate));
        table.Add("ingestion, one process (role both) (baseline)", oneRate, "events/s", "end to end over HTTP: durable in the event log, applied by the grains");
        table.Add("ingestion, three processes (role both), requests spread over all three", threeRate, "events/s",
            $"{threeRate / oneRate:P0} of one process: three silos and PostgreSQL share {Environment.ProcessorCount} cores, so this is a ratio, not a speed-up. " +
            "Three 'both' behind a load balancer: the default role, and no single process every request depends on");
        table.AddJson("one_process_events_per_sec", Math.Round(oneRate));
        table.AddJson("three_processes_events_per_sec", Math.Round(threeRate));
        table.AddJson("ratio", Math.Round(threeRate / oneRate, 3));
        table.AddJson("topology", "three processes of role both, requests round-robin over them");
        if (one.Concat(three).All(r => r.Others is not null))
        {
            var others = Math.Round(Median.Of(one.Concat(three).Select(r => r.Others!.Value)), 3);
            table.Add("share of the machine's CPU other processes used during the ingestion runs (median)", others * 100, "%", format: "N1");
            table.AddJson("other_processes_cpu_share", others);
        }

        Progress("grain calls: two silos in this process");
        var calls = await RemoteCallCost.MeasureAsync(quick ? 5_000 : 20_000, time);
        Progress($"grain calls: local {calls.Local:N2} us, remote {calls.Remote:N1} us, {calls.RemoteConcurrent:N1} us per call with {RemoteCallCost.Concurrency} in flight");
        table.Add("grain call to a grain on the caller's silo (baseline)", calls.Local, "us", "sequential, median of 5 rounds", format: "N2");
        table.Add("grain call to a grain on another silo", calls.Remote, "us",
            $"sequential round trip over Orleans' silo connection (loopback TCP): {calls.Remote / calls.Local:N0}x a local call", format: "N1");
        table.Add($"grain call to another silo, {RemoteCallCost.Concurrency} calls in flight", calls.RemoteConcurrent, "us per call",
            $"{calls.Remote / calls.RemoteConcurrent:N1}x the sequential throughput: messages share the connection", format: "N1");
        table.AddJson("local_call_us", Math.Round(calls.Local, 3));
        table.AddJson("remote_call_us", Math.Round(calls.Remote, 1));
        table.AddJson("remote_call_concurrent_us", Math.Round(calls.RemoteConcurrent, 1));

        Progress("failover: one front and two workers");
        // Smaller than an ingestion run: the figures are compared many times over while the tenants move.
        var failover = await ClusterFailover.RunAsync(Math.Max(4_000, events * 2 / 5), now, time);
        table.Add("failover: SIGKILL of a worker to its death in the membership table", failover.DetectedAfterKill, "s",
            "product liveness settings (docs/cluster.md)", format: "N1");
        table.Add("failover: SIGKILL to the senders being done", failover.SentAfterKill, "s",
            $"senders post to the front and re-send what fails; {failover.ResentBatches} batches re-sent, {failover.UnconfirmedBatches} acknowledged " +
            "once durable without the pipeline's confirmation (Pipeline:ApplyWaitLimit, 10 s)", format: "N1");
        if (failover.ExactAfterKill is { } exactAfterKill)
        {
            var afterDetection = failover.ExactAfterDetection!.Value;
            table.Add("failover: SIGKILL to every figure exact", exactAfterKill, "s",
                $"{failover.FiguresCompared:N0} figures of {ClusterFailover.Tenants.Count} tenants, compared once everything was acknowledged; " +
                $"{failover.TenantsCaughtUp} tenants caught up with the log on the survivor after the kill", format: "N1");
            table.Add("failover: death detected to every figure exact", afterDetection, "s",
                afterDetection <= ExactWithinSeconds ? $"target <= {ExactWithinSeconds:0} s met" : $"target <= {ExactWithinSeconds:0} s not met", format: "N1");
        }
        else
        {
            table.Add("failover: SIGKILL to every figure exact", double.NaN, "s", $"never; target not met: {failover.Failure}");
            table.AddJson("failover_failure", failover.Failure!);
        }

        table.AddJson("failover_detected_s", Math.Round(failover.DetectedAfterKill, 2));
        table.AddJson("failover_sent_after_kill_s", Math.Round(failover.SentAfterKill, 2));
        table.AddJson("failover_exact_after_kill_s", failover.ExactAfterKill is { } k ? Math.Round(k, 2) : null!);
        table.AddJson("failover_exact_after_detection_s", failover.ExactAfterDetection is { } d ? Math.Round(d, 2) : null!);
        table.AddJson("figures_compared", failover.FiguresCompared);
        table.AddJson("failover_unconfirmed_batches", failover.UnconfirmedBatches);
        table.AddJson("exact", failover.Exact);
        table.AddJson("failover_target_met", failover.ExactAfterDetection <= ExactWithinSeconds);
        table.AddJson("tenants_caught_up_on_survivor", failover.TenantsCaughtUp);
        table.AddJson("events_per_run", traffic.DistinctCount);
        table.AddJson("runs", runs);
        table.Print();
        return 0;
    }

    /// <summary>Progress goes to stderr: stdout carries the table and, last, the JSON line.</summary>
    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[cluster {TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}"));
}
