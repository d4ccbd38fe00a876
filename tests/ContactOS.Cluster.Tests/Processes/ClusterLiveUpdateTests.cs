using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContactOS.Analytics.Events;
using ContactOS.Testing;
using ContactOS.Testing.Postgres;
using ContactOS.Testing.Processes;
using ContactOS.Testing.SignalR;
using Xunit.Abstractions;
using static ContactOS.Cluster.Tests.Processes.ClusterNode;

namespace ContactOS.Cluster.Tests.Processes;

/// <summary>
/// Live dashboards in a cluster, on real processes and real WebSockets (the SignalR .NET client): two fronts (Orleans
/// clients) and one worker. Events are posted to front A; dashboards are open on front B. A dashboard gets the new
/// figures of its own tenant within 2 s of the events being acknowledged, and nothing of another tenant's.
/// </summary>
public sealed class ClusterLiveUpdateTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const string HubPath = "hubs/analytics";

    /// <summary>
    /// From the post to front A to the update on front B: the append, the pipeline grain applying the events and
    /// publishing on the tenant's stream, front B's subscription hearing it, one read of the figures and one push.
    /// </summary>
    private static readonly TimeSpan s_updateWithin = TimeSpan.FromSeconds(2);

    /// <summary>How long a dashboard of the other tenant is watched for a message it must not get.</summary>
    private static readonly TimeSpan s_quietFor = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_dashboard_on_one_front_gets_its_tenants_new_figures_within_2_s_of_events_posted_to_another_front_and_nothing_of_other_tenants()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var worker = Start(connectionString, "worker", "worker");
        await using var frontA = Start(connectionString, "front-a", "front", "--Demo:Enabled", "true");
        await using var frontB = Start(connectionString, "front-b", "front");
        SiloProcess[] silos = [worker, frontA, frontB];
        await Task.WhenAll(silos.Select(silo => silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        foreach (var front in new[] { frontA, frontB })
        {
            await Eventually.TrueAsync(async () => (await ReadinessAsync(front)).Description.Contains("reaches 1 active silos", StringComparison.Ordinal),
                "both fronts to reach the worker", TimeSpan.FromSeconds(10));
        }

        try
        {
            await RunAsync(frontA, frontB);
        }
        catch
        {
            WriteOutputs(output, silos);

            throw;
        }
    }

    private async Task RunAsync(SiloProcess frontA, SiloProcess frontB)
    {
        var (w, x, y) = ($"lw-{Guid.NewGuid():N}"[..16], $"lx-{Guid.NewGuid():N}"[..16], $"ly-{Guid.NewGuid():N}"[..16]);
        var platform = new PlatformClient(frontA);
        await platform.SignInAsync(w, "UTC");
        await platform.SignInAsync(x, "Europe/Madrid");
        await platform.SignInAsync(y, "Asia/Kolkata");

        // A cluster that has served before: the first update of freshly started processes also pays for compiling the code.
        await using (var dashboardW = await LiveConnection.ConnectAsync(frontB.BaseAddress!, HubPath, platform.Token(w)))
        {
            await WatchAsync(dashboardW);
            await platform.PostUntilAcknowledgedAsync(new TenantBatch(w, NewConversations(1)));
            Assert.Equal("update", (await dashboardW.NextAsync(TimeSpan.FromSeconds(10))).Target);
        }

        await using var dashboardX = await LiveConnection.ConnectAsync(frontB.BaseAddress!, HubPath, platform.Token(x));
        await using var dashboardY = await LiveConnection.ConnectAsync(frontB.BaseAddress!, HubPath, platform.Token(y));
        var snapshotX = await WatchAsync(dashboardX);
        var snapshotY = await WatchAsync(dashboardY);
        Assert.Equal((x, 0), (TenantOf(snapshotX), Total(snapshotX)));
        Assert.Equal((y, 0), (TenantOf(snapshotY), Total(snapshotY)));

        // Tenant X's events reach X's dashboard on the other front; Y's dashboard there hears nothing.
        var (updateX, afterPostX, afterAcknowledgementX) = await PostThenUpdateAsync(platform, x, 3, dashboardX);
        var heardByY = await dashboardY.TryNextAsync(s_quietFor);
        Assert.Equal((x, 3), (TenantOf(updateX.Payload), Total(updateX.Payload)));
        Assert.True(JsonElement.DeepEquals(await KpisAsync(frontA, platform.Token(x)), updateX.Payload.GetProperty("kpis")),
            $"update: {updateX.Payload}");
        Assert.Null(heardByY);

        // And the other way round, so Y's silence above is not just a dashboard that hears nothing.
        var (updateY, afterPostY, afterAcknowledgementY) = await PostThenUpdateAsync(platform, y, 2, dashboardY);
        var heardByX = await dashboardX.TryNextAsync(s_quietFor);
        Assert.Equal((y, 2), (TenantOf(updateY.Payload), Total(updateY.Payload)));
        Assert.Null(heardByX);

        output.WriteLine($"updates on front B {afterPostX.TotalMilliseconds:0} ms (tenant X) and {afterPostY.TotalMilliseconds:0} ms (tenant Y) " +
            $"after the events were posted to front A ({afterAcknowledgementX.TotalMilliseconds:0} and {afterAcknowledgementY.TotalMilliseconds:0} ms " +
            "after front A acknowledged them)");
    }

    /// <summary>
    /// Posts <paramref name="conversations"/> new conversations of <paramref name="tenant"/> to front A and returns the next
    /// message of <paramref name="dashboard"/>, which must come within <see cref="s_updateWithin"/> of the post, and
    /// how long after the post and after its acknowledgement (negative when the update came first) it came.
    /// </summary>
    private static async Task<(LiveMessage Update, TimeSpan AfterPost, TimeSpan AfterAcknowledgement)> PostThenUpdateAsync(
        PlatformClient platform, string tenant, int conversations, LiveConnection dashboard)
    {
        var posted = Stopwatch.GetTimestamp();
        await platform.PostUntilAcknowledgedAsync(new TenantBatch(tenant, NewConversations(conversations)));
        var acknowledged = Stopwatch.GetTimestamp();
        var update = await dashboard.NextAsync(s_updateWithin);
        var (afterPost, afterAcknowledgement) = (Stopwatch.GetElapsedTime(posted, update.ReceivedAt), Stopwatch.GetElapsedTime(acknowledged, update.ReceivedAt));
        Assert.Equal("update", update.Target);
        Assert.True(afterPost <= s_updateWithin,
            $"the update came {afterPost.TotalMilliseconds:0} ms after the post ({afterAcknowledgement.TotalMilliseconds:0} ms after the acknowledgement)");
        return (update, afterPost, afterAcknowledgement);
    }

    /// <summary>The start events of <paramref name="count"/> conversations, now.</summary>
    private static ContactEvent[] NewConversations(int count)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(1, count).Select(i => new ContactEvent
        {
            Id = $"start-{i}", Type = EventTypes.ConversationStarted, Timestamp = now, ConversationId = $"c{i}", Channel = "web",
        })];
    }

    private static async Task<JsonElement> WatchAsync(LiveConnection dashboard)
    {
        await dashboard.InvokeAsync("Watch", "today");
        var snapshot = await dashboard.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("snapshot", snapshot.Target);
        return snapshot.Payload;
    }

    private static async Task<JsonElement> KpisAsync(SiloProcess silo, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress!, "api/v2/analytics/kpis?period=today"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await silo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string? TenantOf(JsonElement payload) => payload.GetProperty("tenantId").GetString();

    private static int Total(JsonElement payload) =>
        (int)payload.GetProperty("kpis").GetProperty("totalConversations").GetProperty("value").GetDouble();
}
