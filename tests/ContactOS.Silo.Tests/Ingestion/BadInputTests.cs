using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactOS.Silo.Tests.Auth;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>
/// Malformed input to <c>POST /api/v2/events</c>: only the bad item is rejected, with its field and reason; the valid
/// items of the same body are stored; nothing answers 500, and the log has no error for what a client did wrong.
/// </summary>
public sealed class BadInputTests(AuthSilo silo) : IClassFixture<AuthSilo>
{
    private static string Started(string id, string timestamp = "2026-11-22T10:15:00+01:00") =>
        $$"""{"id":"{{id}}","type":"conversation.started","timestamp":"{{timestamp}}","conversationId":"c-{{id}}"}""";

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(byte[] body, Credentials key, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress, "api/v2/events"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Api-Key", key.ApiKey);
        using var response = await silo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"500: {text}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.StatusCode, document.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(string body, Credentials key, string contentType = "application/json") =>
        PostAsync(Encoding.UTF8.GetBytes(body), key, contentType);

    /// <summary>Asserts a 200 that took <paramref name="accepted"/> events and rejected exactly the items at <paramref name="rejected"/>.</summary>
    private static List<JsonElement> AssertPartly((HttpStatusCode Status, JsonElement Body, string? MediaType) answer, int accepted, params int[] rejected)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"{(int)answer.Status}: {answer.Body}");
        Assert.Equal(accepted, answer.Body.GetProperty("accepted").GetInt32());
        var items = answer.Body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(rejected, items.Select(r => r.GetProperty("index").GetInt32()));
        return items;
    }

    /// <summary>Nothing of a rejected item was stored: the same id sent again, now valid, is a new event, not a duplicate.</summary>
    private async Task AssertNotStoredAsync(Credentials key, params string[] ids)
    {
        var again = await PostAsync("[" + string.Join(",", ids.Select(id => Started(id))) + "]", key);
        Assert.Equal((ids.Length, 0), (again.Body.GetProperty("accepted").GetInt32(), again.Body.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_string_rejects_only_that_item_in_an_array()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("utf8"));
        var body = Encoding.UTF8.GetBytes($$"""[{{Started("ok1")}},{"id":"bad""")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"type\":\"conversation.started\",\"timestamp\":\"2026-11-22T10:15:00Z\",\"conversationId\":\"c\"}," + Started("ok2") + "]"))
            .ToArray();

        var rejected = AssertPartly(await PostAsync(body, key), 2, 1);

        Assert.Equal("id", rejected[0].GetProperty("field").GetString());
        Assert.Contains("not valid UTF-8", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_an_id_rejects_only_that_line_of_ndjson()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("surrogate"));
        var bad = """{"id":"x\ud800","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z","conversationId":"c"}""";

        var rejected = AssertPartly(await PostAsync($"{Started("ok1")}\n{bad}\n{Started("ok2")}\n", key, "application/x-ndjson"), 2, 1);

        Assert.Equal("id", rejected[0].GetProperty("field").GetString());
        Assert.Contains("unpaired surrogate", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_nul_or_line_break_in_an_id_rejects_only_that_item_and_nothing_of_it_is_stored()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("nul"));
        var nul = """{"id":"nul\u0000","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z","conversationId":"c"}""";
        var lineBreak = """{"id":"lb","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z","conversationId":"c\nforged"}""";

        var rejected = AssertPartly(await PostAsync($"[{Started("ok1")},{nul},{lineBreak}]", key), 1, 1, 2);

        Assert.Equal(["id", "conversationId"], rejected.Select(r => r.GetProperty("field").GetString()));
        Assert.Contains("NUL", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("control characters", rejected[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await AssertNotStoredAsync(key, "lb");
    }

    [Fact]
    public async Task A_timestamp_without_an_offset_is_an_item_error_naming_the_field()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("nooffset"));

        var rejected = AssertPartly(
            await PostAsync($"[{Started("ok1")},{Started("local", "Tue 2020-03-03 10:00:00")},{Started("naive", "2020-03-03T10:00:00")}]", key), 1, 1, 2);

        Assert.All(rejected, r => Assert.Equal("timestamp", r.GetProperty("field").GetString()));
        Assert.All(rejected, r => Assert.Contains("with an offset", r.GetProperty("reason").GetString(), StringComparison.Ordinal));
        await AssertNotStoredAsync(key, "local", "naive");
    }

    [Fact]
    public async Task A_timestamp_beyond_the_allowed_clock_skew_is_rejected_and_the_rest_of_the_batch_is_stored()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("future"));
        string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var rejected = AssertPartly(
            await PostAsync($"[{Started("soon", In(TimeSpan.FromMinutes(1)))},{Started("later", In(TimeSpan.FromHours(1)))}]", key), 1, 1);

        Assert.Equal("timestamp", rejected[0].GetProperty("field").GetString());
        Assert.Contains("in the future", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await AssertNotStoredAsync(key, "later");
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_first_ndjson_line_is_ignored()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("bom"));
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"{Started("b1")}\n{Started("b2")}\n")).ToArray();

        AssertPartly(await PostAsync(body, key, "application/x-ndjson"), 2);
    }

    [Fact]
    public async Task A_single_event_object_is_a_batch_of_one_even_pretty_printed()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("single"));
        var pretty = """
            {
              "id": "s1",
              "type": "conversation.started",
              "timestamp": "2026-11-22T10:15:00Z",
              "conversationId": "c1"
            }
            """;

        AssertPartly(await PostAsync(pretty, key), 1);
        var invalid = await PostAsync("""{"id":"s2","type":"conversation.started","timestamp":"2026-11-22T10:15:00Z"}""", key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal("application/problem+json", invalid.MediaType);
        Assert.True(invalid.Body.GetProperty("errors").TryGetProperty("[0].conversationId", out _), invalid.Body.ToString());
    }

    [Fact]
    public async Task A_body_of_another_content_type_is_a_415_problem()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("mediatype"));

        var (status, body, mediaType) = await PostAsync($"[{Started("t1")}]", key, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(415, body.GetProperty("status").GetInt32());
        Assert.Contains("application/json", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_chunked_body_is_a_400_problem_and_no_error_is_logged()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("chunks"));

        var answer = await RawHttp.SendAsync(silo.BaseAddress, RawHttp.EventsHead(key, "Transfer-Encoding: chunked") + "zz\r\n[]\r\n0\r\n\r\n");

        Assert.Equal(400, answer.Status);
        Assert.Contains("application/problem+json", answer.Head, StringComparison.OrdinalIgnoreCase);
        using var problem = JsonDocument.Parse(answer.Body);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        await AssertLoggedAsync("answered 400", "POST /api/v2/events");
    }

    [Fact]
    public async Task A_body_stalled_below_the_minimum_data_rate_is_a_408_and_no_error_is_logged()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("stall"));

        // Kestrel allows a 5-second grace period before it measures the rate; the body then never comes.
        var answer = await RawHttp.SendAsync(
            silo.BaseAddress, RawHttp.EventsHead(key, "Content-Length: 1000") + "[", TimeSpan.FromSeconds(20));

        Assert.Equal(408, answer.Status);
        await AssertLoggedAsync("408", "POST /api/v2/events");
    }

    [Fact]
    public async Task A_client_that_hangs_up_mid_upload_is_one_information_line_not_an_error()
    {
        var key = await silo.IngestKeyAsync(AuthSilo.NewTenant("hangup"));

        await RawHttp.SendPartAndHangUpAsync(
            silo.BaseAddress, RawHttp.EventsHead(key, "Content-Length: 100000\r\nExpect: 100-continue"), "[" + Started("h1"));

        await AssertLoggedAsync("POST /api/v2/events", "client");
    }

    /// <summary>
    /// Waits (up to 10 s) for an information line holding all of <paramref name="parts"/>, and asserts that the silo
    /// logged nothing at error level: no request of this class is the server's fault.
    /// </summary>
    private async Task AssertLoggedAsync(params string[] parts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var lines = silo.Output.Split('\n');
            Assert.DoesNotContain(lines, line => line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal));
            if (lines.Any(line => line.Contains(" info: ", StringComparison.Ordinal) && parts.All(part => line.Contains(part, StringComparison.Ordinal))))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No information line with {string.Join(", ", parts)}. Output:\n{silo.Output}");
            await Task.Delay(100);
        }
    }
}
