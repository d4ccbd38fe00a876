using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Oracle;

/// <summary>
/// Everything docs/analytics.md needs to know about one conversation, derived from all its events at once after
/// sorting them by timestamp, then arrival.
/// </summary>
internal sealed record ConversationFacts(
    string Id,
    DateTimeOffset Start,
    string Status,
    Resolution Resolution,
    string? HandoffReason,
    IReadOnlyList<string> Intents,
    DateTimeOffset? LatestClose,
    IReadOnlyList<ScoredMessage> Messages,
    string? OpenWithAgent,
    SecondWaveFacts SecondWave)
{
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    public static ConversationFacts From(string id, IEnumerable<ArrivedEvent> events, Func<string, int> scorer)
    {
        var ordered = events.OrderBy(e => e.Event.Timestamp).ThenBy(e => e.Arrival).Select(e => e.Event).ToList();

        // A conversation known only through, say, a message is in progress: nothing has moved it anywhere else.
        var status = Active;
        foreach (var e in ordered)
        {
            status = e.Type switch
            {
                EventTypes.ConversationStarted => Active,
                EventTypes.HandoffRequested => Pending,
                EventTypes.AgentAssigned => Active,
                EventTypes.ConversationResolved => Resolved,
                EventTypes.ConversationClosed => Closed,
                _ => status,
            };
        }

        var start = ordered.FirstOrDefault(e => e.Type == EventTypes.ConversationStarted)?.Timestamp ?? ordered[0].Timestamp;
        var firstHandoff = ordered.FirstOrDefault(e => e.Type == EventTypes.HandoffRequested);
        var lastResolution = ordered.LastOrDefault(e => e.Type == EventTypes.ConversationResolved);
        var resolution = lastResolution is null ? Resolution.None
            : lastResolution.By == "ai" && firstHandoff is null ? Resolution.Ai
            : Resolution.Human;

        var intents = ordered
            .Where(e => e.Type == EventTypes.IntentDetected && !string.IsNullOrWhiteSpace(e.Intent))
            .Select(e => e.Intent!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var messages = new List<ScoredMessage>();
        foreach (var message in ordered.Where(e => e.Type == EventTypes.Message))
        {
            var sentiment = message.Sentiment ?? (string.IsNullOrWhiteSpace(message.Text) ? null : scorer(message.Text));
            if (sentiment is { } score)
            {
                var humanPhase = firstHandoff is not null && message.Timestamp >= firstHandoff.Timestamp;
                messages.Add(new ScoredMessage(message.Timestamp, score, humanPhase));
            }
        }

        return new ConversationFacts(
            id,
            start,
            status,
            resolution,
            firstHandoff is null ? null : ReasonOf(firstHandoff),
            intents,
            ordered.LastOrDefault(e => e.Type == EventTypes.ConversationClosed)?.Timestamp,
            messages,
            status is Active or Pending ? ordered.LastOrDefault(e => e.Type == EventTypes.AgentAssigned)?.AgentId : null,
            SecondWaveFacts.From(ordered, start));
    }

    // Ingestion only accepts the five reasons; anything else would be "other".
    private static string ReasonOf(ContactEvent handoff) =>
        handoff.Reason is { } reason && EventVocabulary.HandoffReasons.Contains(reason) ? reason : "other";
}
