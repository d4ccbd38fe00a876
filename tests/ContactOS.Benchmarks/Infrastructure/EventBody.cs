using System.Net.Http.Headers;
using System.Text.Json;
using ContactOS.Analytics.Events;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>One <c>POST /api/v2/events</c> request ready to send: a JSON array of events and its tenant's token.</summary>
internal sealed record EventBody(AuthenticationHeaderValue Authorization, byte[] Json, int Events)
{
    /// <summary>The events as a platform sends them: a JSON array in the product's own event format.</summary>
    public static EventBody Of(AuthenticationHeaderValue authorization, IReadOnlyCollection<ContactEvent> events)
    {
        using var buffer = new MemoryStream(events.Count * 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var contactEvent in events)
            {
                JsonSerializer.Serialize(writer, contactEvent, ContactEventJson.Default.ContactEvent);
            }

            writer.WriteEndArray();
        }

        return new EventBody(authorization, buffer.ToArray(), events.Count);
    }
}
