using System.Text.Json;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// Reads a batch of events from a JSON array or from NDJSON (one JSON object per line) and validates each item
/// on its own. A malformed NDJSON line rejects that line only; a malformed JSON array rejects the body, since
/// nothing after the fault can be trusted.
/// </summary>
public static class EventBatchParser
{
    public const int DefaultMaxEvents = 10_000;

    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 16 };

    public static EventBatch Parse(ReadOnlyMemory<byte> body, int maxEvents = DefaultMaxEvents)
    {
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

        return span[start] == (byte)'[' ? ParseArray(body, maxEvents) : ParseLines(body, maxEvents);
    }

    private static EventBatch ParseArray(ReadOnlyMemory<byte> body, int maxEvents)
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
                Validate(item, index++, accepted, rejected);
            }

            return new EventBatch(accepted, rejected);
        }
    }

    private static EventBatch ParseLines(ReadOnlyMemory<byte> body, int maxEvents)
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
                Validate(document.RootElement, index, accepted, rejected);
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

    private static void Validate(JsonElement item, int index, List<AcceptedEvent> accepted, List<RejectedEvent> rejected)
    {
        var reader = new EventReader(item);
        var contactEvent = reader.Read();
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
