using System.Diagnostics;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Analytics.Sentiment;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;
using ContactOS.Grains;
using ContactOS.Grains.Ingestion;
using ContactOS.Grains.Tenants;
using ContactOS.Storage.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Hosting;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// Where ingestion's time goes (<c>-- ingest --breakdown</c>), by stopwatch experiments on the same traffic: each step
/// of the silo's path alone (on one thread, or in CPU time where Orleans schedules the work), then the path cut short at each stage over HTTP, the event log's group
/// commit alone, what each index of the PostgreSQL event log costs a bulk insert, the CPU the silo burns per event,
/// duplicates, and the number of client connections.
/// </summary>
internal static class IngestBreakdown
{
    private static readonly (string Name, string Sql)[] s_indexVariants =
    [
        ("full schema (primary key, unique (tenant_id, event_id), (tenant_id, routing_key, position))", ""),
        ("without unique (tenant_id, event_id)", "ALTER TABLE contactos_event_log DROP CONSTRAINT contactos_event_log_event"),
        ("without index (tenant_id, routing_key, position)", "DROP INDEX contactos_event_log_tenant_key_position"),
        ("primary key only",
            "ALTER TABLE contactos_event_log DROP CONSTRAINT contactos_event_log_event; DROP INDEX contactos_event_log_tenant_key_position"),
        ("no index at all",
            "ALTER TABLE contactos_event_log DROP CONSTRAINT contactos_event_log_event; DROP INDEX contactos_event_log_tenant_key_position; " +
            "ALTER TABLE contactos_event_log DROP CONSTRAINT contactos_event_log_pkey"),
    ];

    public static async Task<Dictionary<string, object>> RunAsync(IngestTraffic traffic, IngestTraffic warm, int connections, int batchSize, DateTimeOffset now)
    {
        var json = new Dictionary<string, object>();
        var table = new ResultTable($"Where the time goes: {traffic.DistinctCount:N0} events, one run each unless said");
        var tokens = traffic.TenantIds.Concat(warm.TenantIds).ToDictionary(t => t, InProcessIngestHost.TokenFor, StringComparer.Ordinal);
        var bodies = traffic.Bodies(tokens, batchSize);
        var warmBodies = warm.Bodies(tokens, batchSize);

        IngestBenchmark.Progress("breakdown: the silo's steps alone, one thread");
        await ComponentCostsAsync(bodies, warmBodies, table, json);

        foreach (var provider in new[] { BenchDatabase.Postgres, BenchDatabase.Sqlite })
        {
            IngestBenchmark.Progress($"breakdown: {provider} stages");
            var logAlone = await LogAppendAloneAsync(provider, traffic, warm, connections, batchSize);
            table.Add($"{provider}: event log group commit alone, in process ({connections} callers)", logAlone, "events/s");
            var httpIntoLog = await OverHttpAsync(provider, bodies, warmBodies, connections);
            table.Add($"{provider}: HTTP + parse + log rows + group commit, no grains", httpIntoLog, "events/s");
            var full = await IngestBenchmark.EndToEndAsync(provider, traffic, warm, connections);
            table.Add($"{provider}: the silo, full path (one run)", full.EventsPerSecond, "events/s",
                $"silo CPU {full.SiloCpuMicroseconds:N1} us/event, client CPU {full.ClientCpuMicroseconds:N1} us/event");
            json[provider] = new Dictionary<string, object>
            {
                ["log_alone_events_per_sec"] = Math.Round(logAlone),
                ["http_into_log_events_per_sec"] = Math.Round(httpIntoLog),
                ["full_events_per_sec"] = Math.Round(full.EventsPerSecond),
                ["silo_cpu_us_per_event"] = Math.Round(full.SiloCpuMicroseconds, 1),
                ["client_cpu_us_per_event"] = Math.Round(full.ClientCpuMicroseconds, 1),
            };
        }

        var httpOnly = await OverHttpAsync(null, bodies, warmBodies, connections);
        table.Add($"HTTP alone: POST the bodies, read them, answer ({connections} connections)", httpOnly, "events/s");
        json["http_alone_events_per_sec"] = Math.Round(httpOnly);

        IngestBenchmark.Progress("breakdown: PostgreSQL event-log indexes");
        var indexes = new Dictionary<string, object>();
        foreach (var (name, sql) in s_indexVariants)
        {
            var rate = await Median.OfAsync(3, () => BulkLoadWithoutAsync(sql, traffic, warm));
            table.Add($"postgres raw COPY, {name} (median of 3)", rate, "rows/s");
            indexes[name] = Math.Round(rate);
        }

        json["postgres_copy_rows_per_sec_by_indexes"] = indexes;
        var direct = await Median.OfAsync(3, () => DirectCopyAsync(traffic, warm));
        table.Add("postgres raw COPY, full schema, synchronous writes (median of 3)", direct, "rows/s", "the bulk loader awaits every value");
        json["postgres_direct_sync_copy_rows_per_sec"] = Math.Round(direct);

        IngestBenchmark.Progress("breakdown: duplicates and connections");
        var withDuplicates = IngestTraffic.Generate(traffic.TenantIds, traffic.Events.Count, duplicateRatio: 0.02, now, seed: 1);
        var duplicated = await IngestBenchmark.EndToEndAsync(BenchDatabase.Postgres, withDuplicates, warm, connections);
        table.Add("postgres: the silo, traffic with 2 % duplicates (accepted events)", duplicated.EventsPerSecond, "events/s",
            $"{duplicated.Duplicates:N0} duplicates answered as such");
        json["postgres_with_duplicates_events_per_sec"] = Math.Round(duplicated.EventsPerSecond);

        foreach (var provider in new[] { BenchDatabase.Sqlite, BenchDatabase.Postgres })
        {
            var byConnections = new Dictionary<string, object>();
            foreach (var count in new[] { 1, 4, 32 }.Where(c => c != connections))
            {
                var run = await IngestBenchmark.EndToEndAsync(provider, traffic, warm, count);
                table.Add($"{provider}: the silo with {count} connection{(count == 1 ? "" : "s")}", run.EventsPerSecond, "events/s",
                    $"silo CPU {run.SiloCpuMicroseconds:N1} us/event");
                byConnections[count.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Math.Round(run.EventsPerSecond);
            }

            json[$"{provider}_events_per_sec_by_connections"] = byConnections;
        }
        table.PrintTable();
        return json;
    }

    /// <summary>The silo's steps alone (<c>--steps</c>): a table of their cost per event, and its JSON.</summary>
    public static async Task<ResultTable> StepsAsync(IngestTraffic traffic, IngestTraffic warm, int batchSize)
    {
        var tokens = traffic.TenantIds.Concat(warm.TenantIds).ToDictionary(t => t, InProcessIngestHost.TokenFor, StringComparer.Ordinal);
        var table = new ResultTable($"The silo's steps alone: {traffic.DistinctCount:N0} events after {warm.DistinctCount:N0} of warm-up");
        var json = new Dictionary<string, object>();
        IngestBenchmark.Progress("steps: the silo's steps alone, one thread");
        await ComponentCostsAsync(traffic.Bodies(tokens, batchSize), warm.Bodies(tokens, batchSize), table, json);
        foreach (var (key, value) in json)
        {
            table.AddJson(key, value);
        }

        return table;
    }

    /// <summary>
    /// Each step of the silo's ingestion path over every event, after a pass over the warm-up traffic: on one thread, and
    /// routing (which runs on Orleans' scheduler) as the process's CPU time.
    /// </summary>
    private static async Task ComponentCostsAsync(IReadOnlyList<EventBody> bodies, IReadOnlyList<EventBody> warmBodies, ResultTable table, Dictionary<string, object> json)
    {
        var events = bodies.Sum(b => b.Events);
        var costs = new Dictionary<string, object>();
        void Report(string step, string name, TimeSpan elapsed, string note = "")
        {
            var microseconds = elapsed.TotalMicroseconds / events;
            table.Add(name, 1e6 / microseconds, "events/s", $"{microseconds:N2} us/event of one core" + (note.Length > 0 ? "; " + note : ""));
            costs[step] = Math.Round(microseconds, 2);
        }

        Parse(warmBodies);
        var watch = Stopwatch.StartNew();
        var parsed = Parse(bodies);
        Report("parse", "parse and validate the JSON batches (EventBatchParser)", watch.Elapsed);

        LogRows(Parse(warmBodies));
        watch.Restart();
        LogRows(parsed);
        Report("log_rows", "build log rows: re-serialize each event, routing key", watch.Elapsed);

        var scorer = new LexiconSentimentScorer();
        var texts = parsed.SelectMany(p => p.Events).Where(e => e.Type == EventTypes.Message && e.Sentiment is null && !string.IsNullOrWhiteSpace(e.Text)).Select(e => e.Text!).ToList();
        foreach (var text in texts.Take(1_000))
        {
            scorer.Score(text);
        }

        watch.Restart();
        foreach (var text in texts)
        {
            scorer.Score(text);
        }

        Report("sentiment", $"score the {texts.Count:N0} messages sent without a sentiment (lexicon)", watch.Elapsed);

        var routing = await RouteAsync(parsed, Parse(warmBodies));
        var reads = routing.Reads;
        Report("routing", "route through the tenant pipeline grain to conversation, agent and tenant grains (Orleans, in process)", routing.Cpu,
            $"CPU time of the process; {routing.AllocatedBytes / (double)events:N0} bytes allocated per event; {routing.Elapsed.TotalSeconds:N2} s elapsed; per batch of {events / (double)routing.Batches:N0}: " +
            $"{reads.Counts / (double)routing.Batches:N2} log counts, {reads.Histories / (double)routing.Batches:N2} history reads " +
            $"({reads.EmptyHistories:N0} of {reads.Histories:N0} found nothing)");
        json["routing_log_reads_per_batch"] = new Dictionary<string, object>
        {
            ["counts"] = Math.Round(reads.Counts / (double)routing.Batches, 2),
            ["histories"] = Math.Round(reads.Histories / (double)routing.Batches, 2),
            ["empty_histories"] = Math.Round(reads.EmptyHistories / (double)routing.Batches, 2),
            ["tenant_pages"] = Math.Round(reads.TenantPages / (double)routing.Batches, 2),
        };
        json["one_core_us_per_event"] = costs;
        json["routing_bytes_allocated_per_event"] = Math.Round(routing.AllocatedBytes / (double)events);
    }

    private static List<(string TenantId, List<ContactEvent> Events)> Parse(IReadOnlyList<EventBody> bodies) =>
        bodies.Select(b => (b.Authorization.Parameter!, EventBatchParser.Parse(b.Json).Accepted.Select(a => a.Event).ToList())).ToList();

    private static long LogRows(List<(string TenantId, List<ContactEvent> Events)> batches)
    {
        long bytes = 0;
        foreach (var (tenantId, events) in batches)
        {
            foreach (var contactEvent in events)
            {
                var row = new LogEvent(tenantId, contactEvent.Id, RoutingKeys.Of(contactEvent), contactEvent.Timestamp, ContactEventJson.Serialize(contactEvent));
                bytes += row.Payload.Length;
            }
        }

        return bytes;
    }

    /// <summary>
    /// The product's grains in an Orleans silo in this process, their snapshots in memory and the event log in memory:
    /// each tenant's batches handed to its pipeline grain in log order as ingestion hands them (one call per batch,
    /// awaited; tenants side by side), after a pass over the warm-up traffic. The CPU time of this process is the cost.
    /// </summary>
    private static async Task<RoutingCost> RouteAsync(List<(string TenantId, List<ContactEvent> Events)> batches, List<(string TenantId, List<ContactEvent> Events)> warmBatches)
    {
        var log = new LogInMemory();
        await using var silo = await InProcessSilo.StartAsync(silo =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Snapshots);
            silo.AddMemoryStreams(LiveStreams.ProviderName);
            silo.AddMemoryGrainStorage(LiveStreams.SubscriptionStorageName);
            silo.Services.AddSingleton<IEventHistory>(log);
            silo.Services.AddSingleton<ITenantTimeZones, UtcTimeZones>();
            silo.Services.AddContactOSGrains();
        });

        await ApplyAllAsync(silo.Grains, log, warmBatches);
        var reads = log.Reads;
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await ApplyAllAsync(silo.Grains, log, batches);
        return new RoutingCost(
            Environment.CpuUsage.TotalTime - cpu, watch.Elapsed, batches.Count, log.Reads - reads, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>
    /// As ingestion does with each request: appends a batch to the log, then hands it to its tenant's pipeline and awaits
    /// it. Each tenant's batches in order, tenants side by side, so their positions interleave in the log as they do in
    /// the silo's group commits.
    /// </summary>
    private static async Task ApplyAllAsync(IGrainFactory grains, LogInMemory log, List<(string TenantId, List<ContactEvent> Events)> batches)
    {
        await Task.WhenAll(batches.GroupBy(b => b.TenantId, StringComparer.Ordinal).Select(async tenant =>
        {
            var pipeline = grains.GetGrain<ITenantPipelineGrain>(tenant.Key);
            foreach (var (tenantId, events) in tenant)
            {
                // What precedes the batch in the tenant's log, as the event log's writer tells ingestion.
                var (appended, after) = log.Append(tenantId, events);
                await pipeline.Apply(new AppendedEvents(appended, after));
            }
        }));
    }

    /// <summary>What routing cost: this process's CPU time, the time it took, and how often the grains read the log back.</summary>
    private sealed record RoutingCost(TimeSpan Cpu, TimeSpan Elapsed, int Batches, LogReads Reads, long AllocatedBytes);

    /// <summary>How often the grains asked the log: counts of a tenant's range, histories of new activations, tenant pages.</summary>
    private readonly record struct LogReads(int Counts, int Histories, int EmptyHistories, int TenantPages)
    {
        public static LogReads operator -(LogReads after, LogReads before) => new(
            after.Counts - before.Counts, after.Histories - before.Histories, after.EmptyHistories - before.EmptyHistories, after.TenantPages - before.TenantPages);
    }

    /// <summary>The event log in memory, as the grains read it back (<see cref="IEventHistory"/>), counting each kind of read.</summary>
    private sealed class LogInMemory : IEventHistory
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, List<PipelineEvent>> _tenants = new(StringComparer.Ordinal);

        // Each tenant's events by routing key, as the log's (tenant_id, routing_key, position) index finds them.
        private readonly Dictionary<(string TenantId, string RoutingKey), List<PipelineEvent>> _byKey = [];
        private long _position;
        private LogReads _reads;

        public LogReads Reads
        {
            get
            {
                lock (_lock)
                {
                    return _reads;
                }
            }
        }

        /// <summary>Appends the events; returns them with their positions, and the tenant's position before them.</summary>
        public (PipelineEvent[] Appended, long After) Append(string tenantId, List<ContactEvent> events)
        {
            lock (_lock)
            {
                PipelineEvent[] appended = [.. events.Select(e => new PipelineEvent(e, ++_position))];
                if (!_tenants.TryGetValue(tenantId, out var log))
                {
                    log = [];
                    _tenants[tenantId] = log;
                }

                var after = log.Count == 0 ? 0 : log[^1].Position;
                log.AddRange(appended);
                foreach (var pipelineEvent in appended)
                {
                    var key = (tenantId, RoutingKeys.Of(pipelineEvent.Event));
                    if (!_byKey.TryGetValue(key, out var list))
                    {
                        list = [];
                        _byKey[key] = list;
                    }

                    list.Add(pipelineEvent);
                }

                return (appended, after);
            }
        }

        public Task<IReadOnlyList<PipelineEvent>> ReadAsync(string tenantId, IReadOnlyCollection<string> routingKeys, long beforePosition, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                List<PipelineEvent> found = [];
                foreach (var routingKey in routingKeys.Distinct(StringComparer.Ordinal))
                {
                    if (_byKey.TryGetValue((tenantId, routingKey), out var list))
                    {
                        found.AddRange(list.TakeWhile(e => e.Position < beforePosition));
                    }
                }

                found.Sort(static (a, b) => a.Position.CompareTo(b.Position));
                _reads = _reads with { Histories = _reads.Histories + 1, EmptyHistories = _reads.EmptyHistories + (found.Count == 0 ? 1 : 0) };
                return Task.FromResult<IReadOnlyList<PipelineEvent>>(found);
            }
        }

        public Task<IReadOnlyList<PipelineEvent>> ReadTenantAfterAsync(string tenantId, long afterPosition, int max, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _reads = _reads with { TenantPages = _reads.TenantPages + 1 };
                var log = Tenant(tenantId);
                var start = log.FindIndex(e => e.Position > afterPosition);
                return Task.FromResult<IReadOnlyList<PipelineEvent>>(start < 0 ? [] : log.GetRange(start, Math.Min(max, log.Count - start)));
            }
        }

        public Task<int> CountTenantAsync(string tenantId, long afterPosition, long throughPosition, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _reads = _reads with { Counts = _reads.Counts + 1 };
                return Task.FromResult(Tenant(tenantId).Count(e => e.Position > afterPosition && e.Position <= throughPosition));
            }
        }

        private List<PipelineEvent> Tenant(string tenantId) => _tenants.GetValueOrDefault(tenantId) ?? [];
    }

    private sealed class UtcTimeZones : ITenantTimeZones
    {
        public ValueTask<string> GetAsync(string tenantId, CancellationToken cancellationToken) => ValueTask.FromResult("UTC");
    }

    /// <summary>The product's event log in this process on a fresh database: batches appended by several callers at once.</summary>
    private static async Task<double> LogAppendAloneAsync(string provider, IngestTraffic traffic, IngestTraffic warm, int callers, int batchSize)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, "logalone");
        await using var storage = await InProcessStorage.OpenAsync(database);
        var log = storage.Log;
        await AppendAllAsync(log, warm.LogRows().Chunk(batchSize).ToList(), callers);
        var batches = traffic.LogRows().Chunk(batchSize).ToList();
        var watch = Stopwatch.StartNew();
        var appended = await AppendAllAsync(log, batches, callers);
        return appended / watch.Elapsed.TotalSeconds;
    }

    private static async Task<long> AppendAllAsync(IEventLog log, List<LogEvent[]> batches, int callers)
    {
        var next = -1;
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            long appended = 0;
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                var results = await log.AppendAsync(batches[index], CancellationToken.None);
                appended += results.Count(r => !r.Duplicate);
            }

            return appended;
        })));
        return counts.Sum();
    }

    /// <summary>The bodies over HTTP into <see cref="InProcessIngestHost"/>: into the product's log, or (no provider) nowhere.</summary>
    private static async Task<double> OverHttpAsync(string? provider, IReadOnlyList<EventBody> bodies, IReadOnlyList<EventBody> warmBodies, int connections)
    {
        await using var database = provider is null ? null : await BenchDatabase.CreateAsync(provider, "httplog");
        await using var storage = database is null ? null : await InProcessStorage.OpenAsync(database);
        await using var host = await InProcessIngestHost.StartAsync(storage?.Log);
        await EventPoster.PostAllAsync(host.Http, warmBodies, connections);
        var watch = Stopwatch.StartNew();
        var totals = await EventPoster.PostAllAsync(host.Http, bodies, connections);
        var events = provider is null ? bodies.Sum(b => b.Events) : totals.Accepted;
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A raw bulk insert into a fresh event log after dropping some of its indexes.</summary>
    private static async Task<double> BulkLoadWithoutAsync(string dropSql, IngestTraffic traffic, IngestTraffic warm)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "indexes");
        await using var storage = await InProcessStorage.OpenAsync(database);
        if (dropSql.Length > 0)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(dropSql, connection);
            await command.ExecuteNonQueryAsync();
        }

        await storage.BulkLoader.LoadAsync(warm.LogRows(), CancellationToken.None);
        var rows = traffic.LogRows();
        var watch = Stopwatch.StartNew();
        var loaded = await storage.BulkLoader.LoadAsync(rows, CancellationToken.None);
        return loaded / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The same rows by a binary COPY written with Npgsql's synchronous per-value writes (buffered; they block only when
    /// the buffer is flushed) into a fresh event log with every index: how much of the bulk loader's time is the
    /// client's awaiting of each value rather than the server.
    /// </summary>
    private static async Task<double> DirectCopyAsync(IngestTraffic traffic, IngestTraffic warm)
    {
        await using var database = await BenchDatabase.CreateAsync(BenchDatabase.Postgres, "directcopy");
        // The product's migrator creates the table and its indexes; the copy then bypasses the product.
        var schema = await InProcessStorage.OpenAsync(database);
        await schema.DisposeAsync();

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await CopyAsync(connection, warm.LogRows());
        var rows = traffic.LogRows();
        var watch = Stopwatch.StartNew();
        var loaded = await CopyAsync(connection, rows);
        return loaded / watch.Elapsed.TotalSeconds;
    }

    private static async Task<ulong> CopyAsync(NpgsqlConnection connection, IReadOnlyList<LogEvent> rows)
    {
        var receivedAt = DateTime.UtcNow;
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY contactos_event_log (tenant_id, event_id, routing_key, event_time, received_at, payload) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write(row.TenantId, NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(row.EventId, NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(row.RoutingKey, NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(row.EventTime.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            importer.Write(receivedAt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            importer.Write(row.Payload, NpgsqlTypes.NpgsqlDbType.Bytea);
        }

        return await importer.CompleteAsync();
    }
}
