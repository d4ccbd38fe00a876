using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;
using ContactOS.Testing;
using ContactOS.Testing.SignalR;

namespace ContactOS.Silo.Tests.Live;

/// <summary>What the live-update tests do over and over: connect to the hub, watch, send events, read figures.</summary>
internal static class LiveHub
{
    public const string Path = "hubs/analytics";

    /// <summary>How soon after an acknowledged batch its update must reach a dashboard.</summary>
    public static readonly TimeSpan UpdateBound = TimeSpan.FromSeconds(1);

    /// <summary>A tenant of its own for one test, with an ingest and a viewer token.</summary>
    public static async Task<(string Tenant, Credentials Ingest, Credentials Viewer)> NewTenantAsync(AuthSilo silo, string name)
    {
        var tenant = AuthSilo.NewTenant(name);
        return (tenant, await silo.TokenAsync(tenant, "ingest"), await silo.TokenAsync(tenant, "viewer"));
    }

    public static Task<LiveConnection> ConnectAsync(AuthSilo silo, Credentials viewer) =>
        LiveConnection.ConnectAsync(silo.BaseAddress, Path, viewer.Token);

    /// <summary>Calls <c>Watch(period)</c> (a refusal throws) and returns the snapshot that came with it.</summary>
    public static async Task<JsonElement> WatchAsync(AuthSilo silo, LiveConnection client, string period = "today")
    {
        await client.InvokeAsync("Watch", period);
        var snapshot = await NextAsync(silo, client, TimeSpan.FromSeconds(5));
        Assert.Equal("snapshot", snapshot.Target);
        return snapshot.Payload;
    }

    /// <summary>The next message on <paramref name="client"/>; a timeout fails with the silo's output.</summary>
    public static async Task<LiveMessage> NextAsync(AuthSilo silo, LiveConnection client, TimeSpan within)
    {
        try
        {
            return await client.NextAsync(within);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nSilo output (end):\n{Tail(silo.Output)}", timeout);
        }
    }

    /// <summary>Starts one conversation per id, today, in one acknowledged batch.</summary>
    public static async Task StartConversationsAsync(AuthSilo silo, Credentials ingest, params string[] conversations)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var batch = conversations
            .Select(id => new { id = $"start-{id}", type = "conversation.started", timestamp = now, conversationId = id, channel = "web" })
            .ToArray();
        var answer = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/v2/events", ingest, batch);
        Assert.Equal(conversations.Length, answer.GetProperty("accepted").GetInt32());
    }

    /// <summary>Today's KPIs from the REST API once they count <paramref name="conversations"/> conversations.</summary>
    public static async Task<JsonElement> KpisOnceCountedAsync(AuthSilo silo, Credentials viewer, int conversations)
    {
        JsonElement kpis = default;
        await Eventually.TrueAsync(async () =>
        {
            kpis = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/analytics/kpis?period=today", viewer);
            return kpis.GetProperty("totalConversations").GetProperty("value").GetDouble() == conversations;
        }, $"{conversations} conversations counted today");
        return kpis;
    }

    /// <summary>Total conversations in a snapshot or update payload.</summary>
    public static double Total(JsonElement payload) =>
        payload.GetProperty("kpis").GetProperty("totalConversations").GetProperty("value").GetDouble();

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];
}
