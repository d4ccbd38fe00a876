using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing.SignalR;
using Microsoft.AspNetCore.SignalR;

namespace ContactOS.Silo.Tests.Live;

/// <summary>
/// <c>/hubs/analytics</c> on the real host over real WebSockets, with the SignalR .NET client: who may connect, what a
/// snapshot holds, and that a tenant sees its own figures only.
/// </summary>
public sealed class AnalyticsHubTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    [Fact]
    public async Task A_viewer_gets_a_snapshot_equal_to_the_kpi_endpoint_then_an_update_within_a_second_of_a_new_conversation()
    {
        var (tenant, ingest, viewer) = await LiveHub.NewTenantAsync(silo, "live");
        await LiveHub.StartConversationsAsync(silo, ingest, "c1", "c2");
        await LiveHub.KpisOnceCountedAsync(silo, viewer, 2);
        await using var client = await LiveHub.ConnectAsync(silo, viewer);

        var snapshot = await LiveHub.WatchAsync(silo, client);
        var rest = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/kpis?period=today", viewer);

        Assert.True(JsonElement.DeepEquals(rest, snapshot.GetProperty("kpis")), $"snapshot: {snapshot}\nREST: {rest}");
        Assert.Equal(tenant, snapshot.GetProperty("tenantId").GetString());
        Assert.Equal("today", snapshot.GetProperty("period").GetString());
        var roster = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/agents", viewer);
        Assert.True(JsonElement.DeepEquals(roster, snapshot.GetProperty("agents")), $"snapshot: {snapshot}\nREST: {roster}");
        Assert.True(snapshot.GetProperty("at").TryGetDateTimeOffset(out _), snapshot.ToString());

        await LiveHub.StartConversationsAsync(silo, ingest, "c3");
        var acknowledged = Stopwatch.GetTimestamp();
        var update = await LiveHub.NextAsync(silo, client, LiveHub.UpdateBound);

        Assert.Equal("update", update.Target);
        Assert.Equal(3, LiveHub.Total(update.Payload));
        Assert.True(Stopwatch.GetElapsedTime(acknowledged, update.ReceivedAt) < LiveHub.UpdateBound);
    }

    [Fact]
    public async Task A_tenant_sees_its_own_figures_only_and_nothing_when_another_tenant_ingests()
    {
        var (a, b) = (AuthSilo.NewTenant("tenant-a"), AuthSilo.NewTenant("tenant-b"));
        var (ingestA, ingestB) = (await silo.TokenAsync(a, "ingest"), await silo.TokenAsync(b, "ingest"));
        var (viewerA, viewerB) = (await silo.TokenAsync(a, "viewer"), await silo.TokenAsync(b, "admin"));
        await LiveHub.StartConversationsAsync(silo, ingestA, "a1");
        await LiveHub.StartConversationsAsync(silo, ingestB, "b1", "b2", "b3");
        await LiveHub.KpisOnceCountedAsync(silo, viewerA, 1);
        await LiveHub.KpisOnceCountedAsync(silo, viewerB, 3);
        await using var clientA = await LiveHub.ConnectAsync(silo, viewerA);
        await using var clientB = await LiveHub.ConnectAsync(silo, viewerB);

        var snapshotA = await LiveHub.WatchAsync(silo, clientA);
        var snapshotB = await LiveHub.WatchAsync(silo, clientB);
        await LiveHub.StartConversationsAsync(silo, ingestA, "a2");
        var updateA = await LiveHub.NextAsync(silo, clientA, LiveHub.UpdateBound);
        var seenByB = await clientB.TryNextAsync(TimeSpan.FromSeconds(1));

        Assert.Equal((a, 1), (snapshotA.GetProperty("tenantId").GetString(), LiveHub.Total(snapshotA)));
        Assert.Equal((b, 3), (snapshotB.GetProperty("tenantId").GetString(), LiveHub.Total(snapshotB)));
        Assert.Equal((a, 2), (updateA.Payload.GetProperty("tenantId").GetString(), LiveHub.Total(updateA.Payload)));
        Assert.Null(seenByB);
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused_with_401()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            LiveConnection.ConnectAsync(silo.BaseAddress, LiveHub.Path, accessToken: null));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_connection_with_a_token_signed_by_another_key_is_refused_with_401()
    {
        var forged = TestTokens.Create("another-signing-key-0123456789-abcdefghij", AuthSilo.NewTenant("forged"), ["viewer"]);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            LiveConnection.ConnectAsync(silo.BaseAddress, LiveHub.Path, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_ingest_only_token_is_refused_with_403()
    {
        var ingest = await silo.TokenAsync(AuthSilo.NewTenant("ingestonly"), "ingest");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveHub.ConnectAsync(silo, ingest));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Watching_an_unknown_period_is_a_hub_error_and_the_connection_can_watch_a_valid_one()
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("badperiod"), "viewer");
        await using var client = await LiveHub.ConnectAsync(silo, viewer);

        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Watch", "yesterday"));
        var snapshot = await LiveHub.WatchAsync(silo, client, "7d");

        Assert.Contains("'period' must be one of today, 7d, 30d or 90d, not 'yesterday'", refused.Message, StringComparison.Ordinal);
        Assert.Equal("7d", snapshot.GetProperty("period").GetString());
    }

    [Fact]
    public async Task A_refused_watch_is_one_escaped_information_line_and_no_error_in_the_log()
    {
        var viewer = await silo.TokenAsync(AuthSilo.NewTenant("logrefusal"), "viewer");
        await using var client = await LiveHub.ConnectAsync(silo, viewer);

        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Watch", "week\nfail: forged-line"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        string[] lines;
        while (!(lines = silo.Output.Split('\n')).Any(line => line.Contains("forged-line", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var logged = Assert.Single(lines, line => line.Contains("forged-line", StringComparison.Ordinal));
        Assert.Contains(" info: ", logged, StringComparison.Ordinal);
        Assert.Contains(@"week\u000afail: forged-line", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.Contains(" fail: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_reconnect_watch_sends_a_snapshot_with_the_figures_changed_while_away()
    {
        var (_, ingest, viewer) = await LiveHub.NewTenantAsync(silo, "reconnect");
        await LiveHub.StartConversationsAsync(silo, ingest, "r1");
        await LiveHub.KpisOnceCountedAsync(silo, viewer, 1);
        var first = await LiveHub.ConnectAsync(silo, viewer);
        var before = await LiveHub.WatchAsync(silo, first);
        await first.StopAsync();
        await first.DisposeAsync();

        await LiveHub.StartConversationsAsync(silo, ingest, "r2", "r3");
        await using var second = await LiveHub.ConnectAsync(silo, viewer);
        var after = await LiveHub.WatchAsync(silo, second);

        Assert.Equal(1, LiveHub.Total(before));
        Assert.Equal(3, LiveHub.Total(after));
    }
}
