using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary><c>POST /api/v2/events</c> on the real host process, with real tokens and API keys.</summary>
public sealed class IngestionEndpointTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private static string Started(string id, string conversation = "c1") =>
        $$"""{"id":"{{id}}","type":"conversation.started","timestamp":"2026-11-22T10:15:00+01:00","conversationId":"{{conversation}}","channel":"web"}""";

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        string body, Credentials? credentials, string contentType = "application/json", bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress, "api/v2/events"))
        {
            Content = chunked ? new ChunkedContent(Encoding.UTF8.GetBytes(body)) : new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (credentials?.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (credentials?.ApiKey is { } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await silo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    private Task<Credentials> IngestKeyAsync(string tenant) => silo.IngestKeyAsync(tenant);

    [Fact]
    public async Task A_mixed_batch_stores_the_valid_events_and_reports_each_bad_item_by_index_and_reason()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("mixed"));
        var bad = """{"id":"m2","type":"message","timestamp":"2026-11-22T10:16:00Z","conversationId":"c1","role":"customer","sentiment":9}""";

        var (status, body, _) = await PostAsync($"[{Started("m1")}, {bad}, {Started("m3", "c2")}]", key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Equal("sentiment", rejected.GetProperty("field").GetString());
        Assert.Contains("from 1 to 5", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_times_outside_the_supported_range_are_rejected_items_and_nothing_of_them_is_stored()
    {
        var tenant = AuthSilo.NewTenant("range");
        var key = await IngestKeyAsync(tenant);
        string At(string id, string timestamp) =>
            $$"""{"id":"{{id}}","type":"conversation.started","timestamp":"{{timestamp}}","conversationId":"{{id}}"}""";

        var (status, body, _) = await PostAsync($"[{Started("ok")}, {At("far", "9999-12-31T23:59:59Z")}, {At("early", "0001-01-01T00:00:00Z")}]", key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(rejected, r => Assert.Equal("timestamp", r.GetProperty("field").GetString()));
        Assert.All(rejected, r => Assert.Contains("outside the supported range", r.GetProperty("reason").GetString(), StringComparison.Ordinal));

        // Nothing of the rejected items was kept: the same ids with valid times are new events, not duplicates.
        var again = await PostAsync($"[{At("far", "2026-11-22T10:00:00Z")}, {At("early", "2026-11-22T10:00:00Z")}]", key);
        Assert.Equal((2, 0), (again.Body.GetProperty("accepted").GetInt32(), again.Body.GetProperty("duplicates").GetInt32()));

        // And nothing had to be set aside: the tenant's admin sees an empty list.
        var setAside = await silo.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "api/v2/tenant/set-aside-events", await silo.TokenAsync(tenant, "admin"));
        Assert.Equal(0, setAside.GetProperty("events").GetArrayLength());
        await silo.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/v2/tenant/set-aside-events", await silo.TokenAsync(tenant, "viewer"));
    }

    [Fact]
    public async Task A_repeated_batch_is_accepted_and_counted_once()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("repeat"));
        var batch = $"[{Started("r1")},{Started("r2", "c2")}]";

        var first = await PostAsync(batch, key);
        var again = await PostAsync(batch, key);

        Assert.Equal((HttpStatusCode.OK, 2, 0), (first.Status, first.Body.GetProperty("accepted").GetInt32(), first.Body.GetProperty("duplicates").GetInt32()));
        Assert.Equal((HttpStatusCode.OK, 0, 2), (again.Status, again.Body.GetProperty("accepted").GetInt32(), again.Body.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task The_same_event_id_in_two_tenants_is_two_events()
    {
        var acme = await IngestKeyAsync(AuthSilo.NewTenant("acme"));
        var globex = await IngestKeyAsync(AuthSilo.NewTenant("globex"));

        var a = await PostAsync($"[{Started("shared-id")}]", acme);
        var b = await PostAsync($"[{Started("shared-id")}]", globex);

        Assert.Equal(1, a.Body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, b.Body.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Ndjson_is_accepted_line_by_line()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("ndjson"));

        var (status, body, _) = await PostAsync(Started("n1") + "\n" + Started("n2", "c2") + "\n", key, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task A_batch_with_no_valid_event_is_a_400_problem_naming_each_item_and_field()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("allbad"));

        var (status, body, _) = await PostAsync("""[{"id":"x","type":"nope","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}]""", key);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'nope' is not an event type", body.GetProperty("errors").GetProperty("[0].type")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("notjson"));

        var (status, body, response) = await PostAsync("[{\"id\": ", key);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_10000_events_or_more_than_10_MB_is_a_413()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("large"));
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 10_001).Select(i => Started("e" + i, "c" + i))) + "]";
        var tooBig = "[" + Started("big") + "," + new string(' ', 10 * 1024 * 1024) + "]";

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(tooMany, key)).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(tooBig, key)).Status);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_read_whole_up_to_10_MB()
    {
        var key = await IngestKeyAsync(AuthSilo.NewTenant("chunked"));
        var events = "[" + string.Join(",", Enumerable.Range(0, 3_000).Select(i => Started("e" + i, "c" + i))) + "]";
        var tooBig = "[" + Started("big") + "," + new string(' ', 10 * 1024 * 1024) + "]";

        var accepted = await PostAsync(events, key, chunked: true);
        Assert.Equal((HttpStatusCode.OK, 3_000), (accepted.Status, accepted.Body.GetProperty("accepted").GetInt32()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(tooBig, key, chunked: true)).Status);
    }

    [Fact]
    public async Task Ingestion_needs_the_ingest_or_admin_role()
    {
        var tenant = AuthSilo.NewTenant("roles");
        var viewer = await silo.TokenAsync(tenant, "viewer");
        var admin = await silo.TokenAsync(tenant, "admin");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync($"[{Started("a1")}]", credentials: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync($"[{Started("a1")}]", viewer)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"[{Started("a1")}]", admin)).Status);
    }
}

/// <summary>A JSON body sent in chunks of 16 kB without a Content-Length, as a streaming sender does.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;

    public ChunkedContent(byte[] body)
    {
        _body = body;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += 16 * 1024)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(16 * 1024, _body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
