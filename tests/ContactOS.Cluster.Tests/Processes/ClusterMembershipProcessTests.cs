using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>Real silo processes on one private PostgreSQL server, each test on a schema of its own.</summary>
public sealed class ClusterMembershipProcessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    // Exit codes documented in src/ContactOS.Silo/README.md.
    private const int InvalidConfiguration = 2;
    private const int Evicted = 4;

    // Polling the database and each silo's readiness, and a loaded test machine, add to the protocol's own bounds.
    private static readonly TimeSpan s_observationSlack = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Three_silos_see_each_other_then_a_stopped_one_is_left_and_a_killed_one_dead()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var rows = new MembershipRows(connectionString);
        await using var a = Start(connectionString, "silo-a", Address(1));
        await using var b = Start(connectionString, "silo-b", Address(2));
        await using var c = Start(connectionString, "silo-c", Address(3));
        SiloProcess[] silos = [a, b, c];
        await Task.WhenAll(silos.Select(silo => silo.WaitUntilReadyAsync()));

        foreach (var silo in silos)
        {
            await SeesAsync(silo, [Address(1), Address(2), Address(3)], [], HeartbeatInterval * 4);
        }

        await ExitAssert.StopsGracefullyAsync(c);
        Assert.Equal("left", await rows.StatusAsync(Address(3)));
        await Task.WhenAll(
            SeesAsync(a, [Address(1), Address(2)], [Address(3)], HeartbeatInterval + s_observationSlack),
            SeesAsync(b, [Address(1), Address(2)], [Address(3)], HeartbeatInterval + s_observationSlack));
        Assert.Contains("Silo silo-c left the cluster", c.StandardOutput);

        await b.KillAsync();
        await Eventually.TrueAsync(async () => await rows.StatusAsync(Address(2)) == "dead",
            $"silo-b declared dead. Output of silo-a:\n{a.Output}", DeathTimeout + HeartbeatInterval + s_observationSlack);
        await SeesAsync(a, [Address(1)], [Address(2), Address(3)], HeartbeatInterval + s_observationSlack);
        Assert.Contains($"Declared silo {Address(2)} (silo-b) dead", a.StandardOutput);

        await ExitAssert.StopsGracefullyAsync(a);
        Assert.Equal(new Dictionary<string, string> { [Address(1)] = "left", [Address(2)] = "dead", [Address(3)] = "left" }, await rows.StatusesAsync());
    }

    [Fact]
    public async Task A_silo_declared_dead_stops_serving_and_exits_with_code_4_leaving_its_row_dead()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        var rows = new MembershipRows(connectionString);
        await using var silo = Start(connectionString, "silo-a", Address(1));
        await silo.WaitUntilReadyAsync();

        await rows.DeclareDeadAsync(Address(1));

        await ExitAssert.ExitsWithAsync(Evicted, silo, DeathTimeout);
        Assert.Contains($"Silo silo-a ({Address(1)}, epoch 1) was declared dead by the cluster", silo.StandardOutput);
        Assert.Contains("dropped without deactivation", silo.StandardOutput);
        Assert.Equal("dead", await rows.StatusAsync(Address(1)));
    }

    [Fact]
    public async Task A_second_silo_with_the_address_of_a_live_one_fails_start_up_saying_what_to_change()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var first = Start(connectionString, "silo-a", Address(1));
        await first.WaitUntilReadyAsync();

        await using var second = Start(connectionString, "silo-b", Address(1));

        await ExitAssert.ExitsWithAsync(InvalidConfiguration, second);
        Assert.StartsWith($"ContactOS silo failed to start: Cluster:Address '{Address(1)}' is already used by silo 'silo-a'", second.StandardError);
        Assert.Contains("give this silo another Cluster:Address", second.StandardError);
        Assert.DoesNotContain("   at ", second.Output);
        var (status, check, _) = await ReadinessAsync(first);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, check));
    }

    [Fact]
    public async Task A_silo_with_another_secret_gets_its_calls_refused_with_a_sentence_saying_what_to_change()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var worker = Start(connectionString, "worker", Address(1), "worker");
        await using var front = Start(connectionString, "front", Address(2), "front", "--Demo:Enabled", "true",
            "--Auth:Jwt:SigningKey", "another-signing-key-0123456789-abcdefghijk");
        await Task.WhenAll(worker.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), front.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));
        await SeesAsync(front, [Address(1), Address(2)], [], HeartbeatInterval * 4 + s_observationSlack);

        using var token = await front.Http.PostAsync(new Uri(front.BaseAddress!, "api/v2/auth/dev-token"),
            JsonContent.Create(new { tenant = "acme", roles = new[] { "viewer" } }));
        var bearer = System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(front.BaseAddress!, "api/v2/analytics/kpis?period=today"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await front.Http.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode);
        await worker.WaitForOutputAsync("Refused a call batch", TimeSpan.FromSeconds(5));
        await front.WaitForOutputAsync("different Cluster:Secret", TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits until <paramref name="silo"/>'s readiness lists every address of <paramref name="active"/> and none of <paramref name="gone"/>.</summary>
    private static async Task SeesAsync(SiloProcess silo, string[] active, string[] gone, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (status, check, description) = await ReadinessAsync(silo);
            if (status == HttpStatusCode.OK && active.All(description.Contains) && !gone.Any(description.Contains))
            {
                return;
            }

            Assert.True(watch.Elapsed < within,
                $"After {within.TotalSeconds:0.#} s the silo's readiness still did not list exactly [{string.Join(", ", active)}] " +
                $"without [{string.Join(", ", gone)}]: {(int)status} {check}: {description}. Output:\n{silo.Output}");
            await Task.Delay(50);
        }
    }
}
