using System.Net;
using System.Net.Sockets;
using ContactOS.Grains;
using ContactOS.Grains.Ingestion;
using ContactOS.Silo.Auth;
using ContactOS.Silo.Telemetry;
using ContactOS.Storage.Configuration;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Dialects;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace ContactOS.Silo.Hosting;

internal static class OrleansHostingExtensions
{
    private const string ServiceId = "contactos";

    /// <summary>
    /// Puts this process in the Orleans cluster its settings describe. On SQLite: one silo with localhost clustering,
    /// nothing else to run. On PostgreSQL: the processes of <c>Cluster:Id</c> find each other in the database (ADO.NET
    /// clustering); a <c>front</c> joins as an Orleans client through the silos' gateways and holds no grains, a
    /// <c>worker</c> or <c>both</c> runs a silo. Silos keep grain snapshots and stream subscriptions in the product's
    /// grain storage and reminders in Orleans' ADO.NET reminder table, all in the same database. Invalid settings stop
    /// start-up with a message naming each setting.
    /// </summary>
    public static WebApplicationBuilder AddContactOSOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var silo = configuration.GetSection(SiloHostOptions.SectionName).Get<SiloHostOptions>() ?? new SiloHostOptions();
        var cluster = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        var provider = configuration[$"{StorageOptions.SectionName}:Provider"] ?? StorageOptions.SqliteProvider;
        var shared = string.Equals(provider, StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase);
        if (silo.Validate().Concat(cluster.Validate(shared, provider)).ToList() is { Count: > 0 } failures)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), failures);
        }

        var role = cluster.ParsedRole;

        // With OTLP export on, grain calls join the caller's trace, across silos too.
        var traced = TelemetryServiceCollectionExtensions.ExportsTraces(configuration);
        builder.Services.AddSingleton(Options.Create(silo));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = silo.ShutdownTimeout);
        builder.Services.AddSingleton(new ProcessRole(role, shared));
        if (role == ClusterRole.Front)
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.Id, ServiceId));
                client.UseAdoNetClustering(options => options.Configure<OrleansAdoNetSettings>((clustering, database) =>
                    (clustering.Invariant, clustering.ConnectionString) = (database.Invariant, database.ConnectionString)));
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = silo.ResponseTimeout);
                // A silo that left is dropped from the gateway list soon after its row says so.
                client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
                client.AddMemoryStreams(LiveStreams.ProviderName);
                client.AddDashboard();
                if (traced)
                {
                    client.AddActivityPropagation();
                }
            });
            return builder;
        }

        builder.UseOrleans(orleans =>
        {
            var port = silo.Port == 0 ? FreeLoopbackPort() : silo.Port;
            if (shared)
            {
                orleans.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.Id, ServiceId));
                orleans.UseAdoNetClustering(options => options.Configure<OrleansAdoNetSettings>((clustering, database) =>
                    (clustering.Invariant, clustering.ConnectionString) = (database.Invariant, database.ConnectionString)));
                orleans.Configure<EndpointOptions>(endpoints =>
                {
                    endpoints.SiloPort = port;
                    endpoints.GatewayPort = silo.GatewayPort == 0 ? FreeLoopbackPort() : silo.GatewayPort;
                    if (silo.AdvertisedAddress is { } address)
                    {
                        endpoints.AdvertisedIPAddress = IPAddress.Parse(address);
                    }
                });
                orleans.Services.AddOptions<ClusterMembershipOptions>()
                    .Configure(ClusterSettings.ApplyDefaults)
                    .Bind(configuration.GetSection($"{ClusterSettings.SectionName}:Membership"));
            }
            else
            {
                // No gateway: the front in this process calls its own silo directly.
                orleans.UseLocalhostClustering(siloPort: port, gatewayPort: 0, serviceId: ServiceId, clusterId: cluster.Id);
            }

            orleans.Configure<SiloOptions>(options => options.SiloName = silo.Name ?? Environment.MachineName);
            orleans.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = silo.ResponseTimeout);
            orleans.Services.AddContactOSGrainStorage(GrainStorageNames.Snapshots);
            orleans.UseAdoNetReminderService(options => options.Configure<OrleansAdoNetSettings>((reminders, database) =>
                (reminders.Invariant, reminders.ConnectionString) = (database.Invariant, database.ConnectionString)));

            // Live updates: each tenant's changes on a memory stream (the event log is durable and a dashboard gets full
            // figures on every connect, so a lost notification costs nothing); subscriptions are stored durably.
            orleans.AddMemoryStreams(LiveStreams.ProviderName, streams => streams.ConfigurePullingAgent(agent => agent.Configure(
                pulling => pulling.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10))));
            orleans.Services.AddContactOSGrainStorage(LiveStreams.SubscriptionStorageName);
            orleans.AddDashboardWithoutPerActivationCounters();
            if (traced)
            {
                orleans.AddActivityPropagation();
            }
        });
        return builder;
    }

    /// <summary>The Orleans Dashboard at <c>/orleans</c>, for operators only (<see cref="AuthPolicies.Operator"/>).</summary>
    public static IEndpointRouteBuilder MapOrleansDashboardForOperators(this IEndpointRouteBuilder endpoints)
    {
        // A web UI for operators, not part of the API: left out of the OpenAPI document.
        endpoints.MapOrleansDashboard(OperatorSession.DashboardPath).RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        endpoints.MapOperatorSession();
        return endpoints;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
