using System.Net;
using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace ContactOS.Storage.Tests.Orleans;

/// <summary>
/// Orleans' ADO.NET clustering on our PostgreSQL schema, with real silos and a client: silos find each other
/// through the membership table, clients find gateways in it, and a silo that leaves is seen as dead.
/// </summary>
public sealed class PostgresOrleansClusteringTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(20);

    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<IAsyncDisposable> _started = [];
    private readonly PostgresTarget _target = new(postgres);
    private OrleansTestDatabase? _database;

    private OrleansTestDatabase Database => _database ?? throw new InvalidOperationException("Created in InitializeAsync.");

    [Fact]
    public async Task TwoSilosOnOneDatabase_FormACluster_ServeAClient_AndSeeALeavingSiloAsDead()
    {
        // Both at once: their joins race on the membership version.
        var silos = await Task.WhenAll(StartSiloAsync(), StartSiloAsync());
        var (a, b) = (silos[0], silos[1]);
        await Eventually.TrueAsync(
            () => silos.All(silo => silos.All(other => silo.Membership.GetSiloStatus(other.Address) == SiloStatus.Active)),
            "each silo sees both as active", s_settle);

        // Random placement from silo A puts activations on both silos.
        var placed = new HashSet<string>();
        for (var key = 0; key < 40; key++)
        {
            placed.Add(await a.Grains.GetGrain<IPlacementProbeGrain>(key).GetSiloAsync());
        }

        Assert.Equal(new HashSet<string> { a.Address.ToString(), b.Address.ToString() }, placed);

        // A client that knows only the database finds the gateways and reaches the cluster.
        var client = await StartClientAsync();
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(new HashSet<SiloAddress> { a.Address, b.Address }, hosts.Keys.ToHashSet());

        await b.StopAsync();

        await Eventually.TrueAsync(
            () => a.Membership.GetSiloStatus(b.Address) == SiloStatus.Dead, "silo A sees silo B as dead", s_settle);
        Assert.Equal(SiloStatus.Dead, await ReadStatusAsync(b.Address));
        Assert.Equal(SiloStatus.Active, await ReadStatusAsync(a.Address));
        var remaining = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal([a.Address], remaining.Keys);

        // Housekeeping removes dead silos' rows once their last heartbeat is older than the cut-off, and only those.
        await a.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Null(await ReadStatusAsync(b.Address));
        Assert.Equal(SiloStatus.Active, await ReadStatusAsync(a.Address));
    }

    private async Task<SiloStatus?> ReadStatusAsync(SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Status FROM OrleansMembershipTable " +
            "WHERE DeploymentId = @cluster AND Address = @address AND Port = @port AND Generation = @generation",
            connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("address", silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue("port", silo.Endpoint.Port);
        command.Parameters.AddWithValue("generation", silo.Generation);
        return await command.ExecuteScalarAsync() is int status ? (SiloStatus)status : null;
    }

    private async Task<OrleansSilo> StartSiloAsync()
    {
        var silo = await OrleansSilo.StartAsync(builder => builder
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = _clusterId;
                options.ServiceId = _clusterId;
            })
            .ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next())
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Database.Invariant;
                options.ConnectionString = Database.ConnectionString;
            })
            .Configure<ClusterMembershipOptions>(options =>
            {
                // Seconds instead of the production defaults, so membership changes show within the test.
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
            }));
        lock (_started)
        {
            _started.Add(silo);
        }

        return silo;
    }

    private async Task<IClusterClient> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = _clusterId;
                options.ServiceId = _clusterId;
            })
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Database.Invariant;
                options.ConnectionString = Database.ConnectionString;
            }));
        var host = builder.Build();
        await host.StartAsync();
        var stop = new HostStopper(host);
        lock (_started)
        {
            _started.Add(stop);
        }

        return host.Services.GetRequiredService<IClusterClient>();
    }

    public async Task InitializeAsync() => _database = await OrleansTestDatabase.CreateAsync(_target);

    public async Task DisposeAsync()
    {
        // The client first, then the silos.
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }

        await _target.DisposeAsync();
    }

    private sealed class HostStopper(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(timeout.Token);
            }
            finally
            {
                host.Dispose();
            }
        }
    }
}
