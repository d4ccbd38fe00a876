using System.Net;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using Npgsql;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>The host process on a real PostgreSQL server.</summary>
public sealed class SiloPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Starts_on_PostgreSQL_and_is_ready()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var silo = StartOn(connectionString);

        await silo.WaitUntilReadyAsync();

        var ready = await HealthAssert.GetAsync(silo.Http, silo.BaseAddress!, "health/ready", HttpStatusCode.OK);
        Assert.Equal("Healthy", HealthAssert.CheckStatus(ready, "storage"));
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Contains($"PostgreSQL database '{settings.Database}' on host '{settings.Host}' port {settings.Port}", silo.StandardOutput);
        Assert.Equal(0, await silo.StopGracefullyAsync());
    }

    [Fact]
    public async Task Readiness_turns_503_when_the_database_goes_away_while_liveness_stays_200()
    {
        var connectionString = await postgres.CreateDatabaseAsync("readiness");
        await using var silo = StartOn(connectionString);
        await silo.WaitUntilReadyAsync();

        // Dropping the database (and with it the silo's connections) is an outage the silo cannot paper over.
        await postgres.Server.DropDatabaseAsync(connectionString);

        var report = await HealthAssert.WaitForAsync(silo, "health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", HealthAssert.CheckStatus(report, "storage"));
        Assert.Equal("Healthy", HealthAssert.CheckStatus(report, "silo"));
        await HealthAssert.GetAsync(silo.Http, silo.BaseAddress!, "health/live", HttpStatusCode.OK);
        // With its database gone a silo cannot record in the cluster's membership table that it leaves; Orleans retries
        // that for up to two minutes on a graceful stop (docs/cluster.md), so this test ends the process at once.
        await silo.KillAsync();
    }

    private static SiloProcess StartOn(string connectionString) => SiloProcess.Start(new SiloProcessOptions
    {
        Environment = new Dictionary<string, string>
        {
            ["CONTACTOS_Storage__Provider"] = "postgres",
            ["CONTACTOS_Storage__ConnectionString"] = connectionString,
        },
    });
}
