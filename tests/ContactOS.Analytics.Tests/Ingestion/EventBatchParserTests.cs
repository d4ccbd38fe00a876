using System.Text;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;

namespace ContactOS.Analytics.Tests.Ingestion;

public sealed class EventBatchParserTests
{
    private const string Started = """{"id":"e1","type":"conversation.started","timestamp":"2026-11-22T10:15:00+01:00","conversationId":"c1","channel":"web"}""";

    private static EventBatch Parse(string body, int maxEvents = EventBatchParser.DefaultMaxEvents)
        => EventBatchParser.Parse(Encoding.UTF8.GetBytes(body), maxEvents);

    [Fact]
    public void A_json_array_of_every_event_type_is_read_with_its_fields()
    {
        var batch = Parse($$"""
            [
              {{Started}},
              {"id":"e2","type":"message","timestamp":"2026-11-22T09:16:00Z","conversationId":"c1","role":"customer","text":"Hola","sentiment":4,"tokens":12,"cost":0.0021,"model":"m1","extra":"ignored"},
              {"id":"e3","type":"intent.detected","timestamp":"2026-11-22T09:16:01Z","conversationId":"c1","intent":"billing","confidence":0.93},
              {"id":"e4","type":"tool.called","timestamp":"2026-11-22T09:16:02Z","conversationId":"c1","tool":"lookup","success":false,"latencyMs":230},
              {"id":"e5","type":"handoff.requested","timestamp":"2026-11-22T09:17:00Z","conversationId":"c1","reason":"billing"},
              {"id":"e6","type":"agent.assigned","timestamp":"2026-11-22T09:18:00Z","conversationId":"c1","agentId":"a1"},
              {"id":"e7","type":"conversation.resolved","timestamp":"2026-11-22T09:20:00Z","conversationId":"c1","by":"human"},
              {"id":"e8","type":"conversation.closed","timestamp":"2026-11-22T09:21:00Z","conversationId":"c1"},
              {"id":"e9","type":"feedback","timestamp":"2026-11-22T09:22:00Z","conversationId":"c1","csat":5,"nps":9},
              {"id":"e10","type":"agent.status","timestamp":"2026-11-22T09:00:00Z","agentId":"a1","status":"online","displayName":"María G."}
            ]
            """);

        Assert.Empty(batch.Rejected);
        Assert.Equal(EventTypes.All.Order(), batch.Accepted.Select(a => a.Event.Type).Order());
        var started = batch.Accepted[0].Event;
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)), started.Timestamp);
        Assert.Equal("web", started.Channel);
        var message = batch.Accepted[1].Event;
        Assert.Equal(("customer", 4, 12, 0.0021m), (message.Role, message.Sentiment, message.Tokens, message.Cost));
        Assert.Equal((false, 230), (batch.Accepted[3].Event.Success, batch.Accepted[3].Event.LatencyMs));
        Assert.Equal(("a1", "online", "María G."), (batch.Accepted[9].Event.AgentId, batch.Accepted[9].Event.Status, batch.Accepted[9].Event.DisplayName));
    }

    [Fact]
    public void Ndjson_is_read_line_by_line_and_a_malformed_line_rejects_only_itself()
    {
        var body = Started + "\n" + "{not json}\r\n\n" + Started.Replace("\"e1\"", "\"e3\"", StringComparison.Ordinal) + "\n";

        var batch = Parse(body);

        Assert.Equal([0, 2], batch.Accepted.Select(a => a.Index));
        var bad = Assert.Single(batch.Rejected);
        Assert.Equal(1, bad.Index);
        Assert.Contains("not valid JSON", bad.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"conversation.started","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}""", "id", "id is required")]
    [InlineData("""{"id":"x","type":"conversation.opened","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}""", "type", "'conversation.opened' is not an event type")]
    [InlineData("""{"id":"x","type":"conversation.started","timestamp":"2026-11-22T10:00:00","conversationId":"c"}""", "timestamp", "with an offset")]
    [InlineData("""{"id":"x","type":"conversation.started","timestamp":"yesterday","conversationId":"c"}""", "timestamp", "ISO-8601")]
    [InlineData("""{"id":"x","type":"conversation.started","timestamp":"2026-11-22T10:00:00Z"}""", "conversationId", "conversationId is required")]
    [InlineData("""{"id":"x","type":"message","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","role":"bot"}""", "role", "expected one of customer, ai, agent")]
    [InlineData("""{"id":"x","type":"message","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","role":"ai","sentiment":6}""", "sentiment", "from 1 to 5")]
    [InlineData("""{"id":"x","type":"message","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","role":"ai","sentiment":"high"}""", "sentiment", "integer")]
    [InlineData("""{"id":"x","type":"intent.detected","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","intent":"cancel","confidence":1.5}""", "confidence", "from 0 to 1")]
    [InlineData("""{"id":"x","type":"tool.called","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","tool":"t"}""", "success", "true or false")]
    [InlineData("""{"id":"x","type":"handoff.requested","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","reason":"bored"}""", "reason", "complex_request, billing, complaint, loop_guard, other")]
    [InlineData("""{"id":"x","type":"agent.assigned","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}""", "agentId", "agentId is required")]
    [InlineData("""{"id":"x","type":"conversation.resolved","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}""", "by", "by is required")]
    [InlineData("""{"id":"x","type":"feedback","timestamp":"2026-11-22T10:00:00Z","conversationId":"c","nps":11}""", "nps", "from 0 to 10")]
    [InlineData("""{"id":"x","type":"agent.status","timestamp":"2026-11-22T10:00:00Z","agentId":"a","status":"away"}""", "status", "online, busy, offline")]
    [InlineData("""{"id":42,"type":"conversation.started","timestamp":"2026-11-22T10:00:00Z","conversationId":"c"}""", "id", "must be a string, not a number")]
    [InlineData("""["not","an","object"]""", "", "must be a JSON object, not an array")]
    public void An_invalid_item_is_rejected_with_its_index_field_and_reason_and_the_others_are_kept(string invalid, string field, string reason)
    {
        var batch = Parse($"[{Started}, {invalid}, {Started.Replace("\"e1\"", "\"e2\"", StringComparison.Ordinal)}]");

        Assert.Equal([0, 2], batch.Accepted.Select(a => a.Index));
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal((1, field), (rejected.Index, rejected.Field));
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_valid_json_is_refused_as_a_whole_with_the_position_of_the_fault()
    {
        var error = Assert.Throws<EventBatchFormatException>(() => Parse($"[{Started},\n {{\"id\": }}]"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.False(error.TooManyEvents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_body_is_refused(string body)
        => Assert.Contains("empty", Assert.Throws<EventBatchFormatException>(() => Parse(body)).Message, StringComparison.Ordinal);

    [Fact]
    public void More_events_than_allowed_are_refused_as_too_many_in_either_format()
    {
        var array = "[" + string.Join(",", Enumerable.Repeat(Started, 4)) + "]";
        var lines = string.Join("\n", Enumerable.Repeat(Started, 4));

        Assert.True(Assert.Throws<EventBatchFormatException>(() => Parse(array, maxEvents: 3)).TooManyEvents);
        Assert.True(Assert.Throws<EventBatchFormatException>(() => Parse(lines, maxEvents: 3)).TooManyEvents);
        Assert.Equal(3, Parse(string.Join("\n", Enumerable.Repeat(Started, 3)), maxEvents: 3).Count);
    }

    [Fact]
    public void A_repeated_id_in_one_batch_is_accepted_here_and_deduplicated_by_the_event_log()
    {
        var batch = Parse($"[{Started},{Started}]");

        Assert.Equal(2, batch.Accepted.Count);
    }

    [Fact]
    public void Escaped_field_names_are_read_and_a_repeated_field_takes_its_last_value_unknown_ones_are_ignored()
    {
        var batch = Parse("""
            [{"\u0069d":"e1","type":"conversation.started","timestamp":"2026-11-22T10:15:00+01:00",
              "conversationId":"first","conversationId":"last","vendorField":{"x":[1,2]}}]
            """);

        var accepted = Assert.Single(batch.Accepted).Event;
        Assert.Equal(("e1", "last"), (accepted.Id, accepted.ConversationId));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)), accepted.Timestamp);
    }

    [Theory]
    [InlineData("2026-11-22T10:15+01:00")]
    [InlineData("2026-11-22T09:15:00.1234567Z")]
    [InlineData("2026-11-22t09:15:00z")]
    public void Timestamps_in_other_iso_forms_with_an_offset_are_still_accepted(string timestamp)
    {
        var batch = Parse($$"""[{"id":"e1","type":"conversation.started","timestamp":"{{timestamp}}","conversationId":"c1"}]""");

        Assert.Equal(2026, Assert.Single(batch.Accepted).Event.Timestamp.Year);
    }
}
