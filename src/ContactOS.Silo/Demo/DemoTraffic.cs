using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ContactOS.Analytics.Events;
using ContactOS.Silo.Auth;
using ContactOS.Simulation;
using ContactOS.Simulation.Traffic;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Tenants;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ContactOS.Silo.Demo;

/// <summary>
/// Demo mode's moving dashboard. Once the silo has started (recovery done), it names the demo tenants in the tenant
/// directory, gives each tenant that has no events yet a history of <see cref="DemoOptions.HistoryDays"/> days, then
/// plays live traffic into all of them until the silo stops. History and live traffic follow each tenant's one
/// <see cref="TenantModel"/>: the live stream starts conversations at the rate the history has at the same hour of the
/// week, and moves the same agents. Everything goes through <see cref="DemoIngestion"/>, the real ingestion path.
/// <para>
/// Restarts do not double anything: a tenant with events in the log gets no second history, history ids are the
/// same for the same seed (a repeat would be stored once), and live ids carry the start time.
/// </para>
/// </summary>
internal sealed partial class DemoTraffic(
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    ITenantDirectory directory,
    IEventLog log,
    DemoIngestion ingestion,
    TimeProvider timeProvider,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    /// <summary>Fixed, so that a history written twice (a crash during seeding) has the same ids and is stored once.</summary>
    private const int HistorySeed = 20_251_122;

    /// <summary>Human agents per demo tenant: enough for a roster with every status.</summary>
    private const int AgentsPerTenant = 8;

    /// <summary>
    /// A live batch that fails (database briefly away) is tried twice more, 1 s and 2 s later, rather than dropped at
    /// once; traffic generated meanwhile waits in the channel and goes into the next batch.
    /// </summary>
    private readonly ResiliencePipeline _liveRetry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!DemoMode.IsOn(configuration, environment))
        {
            return;
        }

        try
        {
            await WhenStartedAsync(stoppingToken);
            await NameTenantsAsync(stoppingToken);
            var demo = options.Value;
            if (!demo.Traffic)
            {
                LogTrafficOff(logger);
                return;
            }

            await SeedHistoryAsync(demo, stoppingToken);
            await StreamAsync(demo, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The product works without the demo's traffic; a failed demo must not stop the silo.
            LogFailed(logger, exception);
        }
    }

    /// <summary>Completes once the host has started: the event log has been replayed and the grains take events.</summary>
    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Gives each demo tenant its name, time zone, language, currency and costs, unless an admin already stored settings
    /// for it. A tenant named before costs existed (a demo database from an earlier version), whose money settings are
    /// all unset, gets the demo's currency and costs, so that its Costs page shows figures too.
    /// </summary>
    private async Task NameTenantsAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in DemoTenants.All)
        {
            var settings = await directory.GetAsync(tenant.TenantId, cancellationToken);
            if (settings.CreatedAt is null)
            {
                await directory.UpsertAsync(
                    tenant.TenantId, tenant.DisplayName, tenant.TimeZone, tenant.Language, tenant.Analytics(options.Value, settings.Analytics),
                    cancellationToken);
            }
            else if (settings.Analytics is { AgentCostPerHour: null, CostPerHumanConversation: null, MonthlyBudget: null })
            {
                await directory.UpsertAsync(
                    tenant.TenantId, settings.DisplayName, settings.TimeZone, settings.Language, tenant.Analytics(options.Value, settings.Analytics),
                    cancellationToken);
            }
        }
    }

    /// <summary>
    /// Seeds the tenants side by side: one tenant's history is generated while another's is ingested, which keeps both
    /// cores busy and the first start short.
    /// </summary>
    private async Task SeedHistoryAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        if (demo.HistoryDays == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var seeded = await Task.WhenAll(DemoTenants.All.Select((tenant, index) => SeedTenantAsync(tenant, index, demo, now, cancellationToken)));
        if (seeded.Sum() > 0)
        {
            LogHistoryDone(logger, seeded.Sum(), watch.Elapsed.TotalSeconds);
        }
    }

    private async Task<int> SeedTenantAsync(DemoTenant tenant, int index, DemoOptions demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((await log.ReadTenantAsync(tenant.TenantId, afterPosition: 0, max: 1, cancellationToken)).Count > 0)
        {
            LogHistoryPresent(logger, tenant.TenantId);
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var history = await Task.Run(() => TrafficGenerator.Generate(new TrafficOptions
        {
            Seed = HistorySeed + index,
            TenantIds = [tenant.TenantId],
            Models = new Dictionary<string, TenantModel> { [tenant.TenantId] = tenant.Model(demo) },
            AgentsPerTenant = AgentsPerTenant,
            Start = now - TimeSpan.FromDays(demo.HistoryDays),
            End = now,
        }), cancellationToken);
        var stored = await ingestion.IngestAsync(tenant.TenantId, [.. history.Select(e => e.Event)], cancellationToken);
        LogHistorySeeded(logger, stored, tenant.TenantId, demo.HistoryDays, watch.Elapsed.TotalSeconds);
        return stored;
    }

    /// <summary>
    /// Live traffic until the silo stops. The generator writes into a channel; this loop takes whatever has arrived
    /// since its last batch, so a slow batch makes the next one bigger instead of making the generator wait.
    /// </summary>
    private async Task StreamAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        var traffic = new LiveTrafficOptions
        {
            Seed = HistorySeed,
            TenantIds = [.. DemoTenants.All.Select(t => t.TenantId)],
            // The history's models: the same rates and the same agents (across restarts too, the roster keeps its size).
            Models = DemoTenants.All.ToDictionary(t => t.TenantId, t => t.Model(demo), StringComparer.Ordinal),
            AgentsPerTenant = AgentsPerTenant,
            // Conversations take as long as in the history: minutes, a handoff queue, closing later.
            Pace = 1,
        };
        var channel = Channel.CreateUnbounded<TenantEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var producing = ProduceAsync(traffic, channel.Writer, cancellationToken);
        LogStreaming(logger, string.Join(", ", DemoTenants.All.Select(t => RateNow(t, demo))));

        var pending = new List<TenantEvent>();
        while (await channel.Reader.WaitToReadAsync(cancellationToken))
        {
            while (channel.Reader.TryRead(out var tenantEvent))
            {
                pending.Add(tenantEvent);
            }

            foreach (var group in pending.GroupBy(e => e.TenantId, StringComparer.Ordinal))
            {
                await IngestLiveAsync(group.Key, [.. group.Select(e => e.Event)], cancellationToken);
            }

            pending.Clear();
        }

        await producing;
    }

    private string RateNow(DemoTenant tenant, DemoOptions demo)
    {
        var perHour = tenant.Model(demo).ConversationsPerHour(timeProvider.GetUtcNow());
        return string.Create(CultureInfo.InvariantCulture, $"{tenant.TenantId} {perHour:0.#}");
    }

    private async Task ProduceAsync(LiveTrafficOptions traffic, ChannelWriter<TenantEvent> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var tenantEvent in TrafficGenerator.StreamAsync(traffic, timeProvider, cancellationToken))
            {
                await writer.WriteAsync(tenantEvent, cancellationToken);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task IngestLiveAsync(string tenantId, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await _liveRetry.ExecuteAsync(async token => await ingestion.IngestAsync(tenantId, events, token), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Live demo events are worth little once late: note it and carry on with new traffic.
            LogLiveBatchFailed(logger, exception, events.Count, tenantId);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Demo: traffic is off (Demo:Traffic=false); the demo tenants only get the events sent to the API")]
    private static partial void LogTrafficOff(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Demo: tenant {TenantId} already has events; no history seeded")]
    private static partial void LogHistoryPresent(ILogger logger, string tenantId);

    [LoggerMessage(3, LogLevel.Information, "Demo: seeded {Events} events of history into tenant {TenantId} ({Days} days) in {Seconds:0.0} s")]
    private static partial void LogHistorySeeded(ILogger logger, int events, string tenantId, int days, double seconds);

    [LoggerMessage(7, LogLevel.Information, "Demo: seeded {Events} events of history in {Seconds:0.0} s")]
    private static partial void LogHistoryDone(ILogger logger, int events, double seconds);

    [LoggerMessage(4, LogLevel.Information, "Demo: streaming live traffic, conversations per hour now: {Rates}")]
    private static partial void LogStreaming(ILogger logger, string rates);

    [LoggerMessage(5, LogLevel.Warning, "Demo: a live batch of {Count} events for tenant {TenantId} failed three times and is dropped; the traffic goes on")]
    private static partial void LogLiveBatchFailed(ILogger logger, Exception exception, int count, string tenantId);

    [LoggerMessage(6, LogLevel.Error, "Demo: the demo traffic stopped; the silo goes on serving")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
