using System.Text.Json;
using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// Reads a batch of events from a JSON array, from NDJSON (one JSON object per line) or from a single JSON object (a
/// batch of one), and validates each item on its own. A malformed NDJSON line rejects that line only; a malformed JSON
/// array rejects the body, since nothing after the fault can be trusted. Text that is not valid UTF-8 inside a
/// well-formed item rejects that item only. A UTF-8 byte order mark before the body is ignored.
/// </summary>
public static class EventBatchParser
{
    public const int DefaultMaxEvents = 10_000;

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 16 };

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <param name="body">The request body.</param>
    /// <param name="maxEvents">The most items a body may hold.</param>
    /// <param name="latestTimestamp">
    /// Event times after this are rejected items (the sender's clock is ahead of ours by more than the allowed skew);
    /// null accepts any time up to <see cref="EventReader.LatestTimestamp"/>.
    /// </param>
    public static EventBatch Parse(ReadOnlyMemory<byte> body, int maxEvents = DefaultMaxEvents, DateTimeOffset? latestTimestamp = null)
    {
        if (body.Span.StartsWith(ByteOrderMark))
        {
            body = body[ByteOrderMark.Length..];
        }

        var limit = latestTimestamp ?? EventReader.LatestTimestamp;
        var span = body.Span;
        var start = 0;
        while (start < span.Length && IsWhiteSpace(span[start]))
        {
            start++;
        }

        if (start == span.Length)
        {
            throw new EventBatchFormatException("The body is empty: send a JSON array of events or NDJSON (one event per line).");
        }

        if (span[start] == (byte)'[')
        {
            return ParseArray(body, maxEvents, limit);
        }

        return IsSingleValue(span) ? ParseSingle(body, limit) : ParseLines(body, maxEvents, limit);
    }

    /// <summary>
    /// Whether the body is one JSON value and nothing more, pretty-printed over many lines or not: a batch of one rather
    /// than NDJSON. A body that is neither is read as NDJSON, whose per-line errors say what is wrong where.
    /// </summary>
    private static bool IsSingleValue(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = s_documentOptions.MaxDepth });
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return IsBlank(body[(int)reader.BytesConsumed..]);
    }

    private static EventBatch ParseSingle(ReadOnlyMemory<byte> body, DateTimeOffset latestTimestamp)
    {
        var accepted = new List<AcceptedEvent>(1);
        var rejected = new List<RejectedEvent>();
        using var document = JsonDocument.Parse(body, s_documentOptions);
        Validate(document.RootElement, 0, latestTimestamp, accepted, rejected);
        return new EventBatch(accepted, rejected);
    }

    private static EventBatch ParseArray(ReadOnlyMemory<byte> body, int maxEvents, DateTimeOffset latestTimestamp)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, s_documentOptions);
        }
        catch (JsonException exception)
        {
            throw new EventBatchFormatException(
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {FirstSentence(exception.Message)}", exception);
        }

        using (document)
        {
            var length = document.RootElement.GetArrayLength();
            ThrowIfTooMany(length, maxEvents);
            var accepted = new List<AcceptedEvent>(length);
            var rejected = new List<RejectedEvent>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                Validate(item, index++, latestTimestamp, accepted, rejected);
            }

            return new EventBatch(accepted, rejected);
        }
    }

    private static EventBatch ParseLines(ReadOnlyMemory<byte> body, int maxEvents, DateTimeOffset latestTimestamp)
    {
        var accepted = new List<AcceptedEvent>();
        var rejected = new List<RejectedEvent>();
        var index = 0;
        var remaining = body;
        while (!remaining.IsEmpty)
        {
            var newline = remaining.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? remaining : remaining[..newline];
            remaining = newline < 0 ? ReadOnlyMemory<byte>.Empty : remaining[(newline + 1)..];
            if (IsBlank(line.Span))
            {
                continue;
            }

            ThrowIfTooMany(index + 1, maxEvents);
            try
            {
                using var document = JsonDocument.Parse(line, s_documentOptions);
                Validate(document.RootElement, index, latestTimestamp, accepted, rejected);
            }
            catch (JsonException exception)
            {
                rejected.Add(new RejectedEvent(index, "", $"not valid JSON at byte {exception.BytePositionInLine + 1}: {FirstSentence(exception.Message)}"));
            }

            index++;
        }

        if (index == 0)
        {
            throw new EventBatchFormatException("The body holds no events: send a JSON array of events or NDJSON (one event per line).");
        }

        return new EventBatch(accepted, rejected);
    }

    private static void Validate(
        JsonElement item, int index, DateTimeOffset latestTimestamp, List<AcceptedEvent> accepted, List<RejectedEvent> rejected)
    {
        var reader = new EventReader(item, latestTimestamp);
        ContactEvent? contactEvent;
        try
        {
            contactEvent = reader.Read();
        }
        catch (InvalidOperationException)
        {
            // The JSON reader checks structure, not the text inside strings: invalid UTF-8 or an unpaired surrogate
            // escape surfaces when a name or value is decoded. The reader names the field when it can; this is the rest.
            rejected.Add(new RejectedEvent(index, "", EventReader.InvalidTextReason));
            return;
        }

        if (contactEvent is not null)
        {
            accepted.Add(new AcceptedEvent(index, contactEvent));
        }
        else
        {
            rejected.Add(new RejectedEvent(index, reader.ErrorField!, reader.Error!));
        }
    }

    private static void ThrowIfTooMany(int count, int maxEvents)
    {
        if (count > maxEvents)
        {
            throw new EventBatchFormatException($"A batch holds at most {maxEvents:N0} events; split it into smaller batches.")
            {
                TooManyEvents = true,
            };
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (!IsWhiteSpace(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
