using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Oracle;

/// <summary>
/// What the second-wave figures of docs/analytics.md need to know about one conversation, read from its timeline (its
/// events sorted by timestamp, then arrival). "After" means later in that order. Durations are whole milliseconds,
/// truncated. What depends on a setting or on now (reopened, abandoned) is decided at query time.
/// </summary>
internal sealed class SecondWaveFacts
{
    private readonly IReadOnlyList<(int Index, DateTimeOffset Timestamp)> _resolutions;
    private readonly IReadOnlyList<(int Index, DateTimeOffset Timestamp)> _customerMessages;

    private SecondWaveFacts(IReadOnlyList<ContactEvent> timeline, DateTimeOffset start)
    {
        _resolutions = Positions(timeline, e => e.Type == EventTypes.ConversationResolved);
        _customerMessages = Positions(timeline, e => e.Type == EventTypes.Message && e.Role == "customer");

        var firstCustomer = IndexOf(timeline, 0, e => e.Type == EventTypes.Message && e.Role == "customer");
        if (firstCustomer >= 0)
        {
            var reply = IndexOf(timeline, firstCustomer + 1, e => e.Type == EventTypes.Message && e.Role is "ai" or "agent");
            FirstResponseMs = reply < 0 ? null : Milliseconds(timeline[firstCustomer].Timestamp, timeline[reply].Timestamp);
        }

        var firstAssigned = IndexOf(timeline, 0, e => e.Type == EventTypes.AgentAssigned);
        if (firstAssigned >= 0)
        {
            var assignedAt = timeline[firstAssigned].Timestamp;
            var agentReply = IndexOf(timeline, firstAssigned + 1, e => e.Type == EventTypes.Message && e.Role == "agent");
            HumanFirstResponseMs = agentReply < 0 ? null : Milliseconds(assignedAt, timeline[agentReply].Timestamp);

            var end = LastIndexOf(timeline, firstAssigned + 1, e => e.Type == EventTypes.ConversationResolved);
            if (end < 0)
            {
                end = LastIndexOf(timeline, firstAssigned + 1, e => e.Type == EventTypes.ConversationClosed);
            }

            HandleMs = end < 0 ? null : Milliseconds(assignedAt, timeline[end].Timestamp);
        }

        if (_resolutions.Count > 0 && _resolutions[^1].Timestamp >= start)
        {
            ResolutionMs = Milliseconds(start, _resolutions[^1].Timestamp);
        }

        Csat = timeline.LastOrDefault(e => e.Type == EventTypes.Feedback && e.Csat is not null)?.Csat;
        Nps = timeline.LastOrDefault(e => e.Type == EventTypes.Feedback && e.Nps is not null)?.Nps;
        HasFeedback = timeline.Any(e => e.Type == EventTypes.Feedback);
        IsResolved = _resolutions.Count > 0;
        HasClose = timeline.Any(e => e.Type == EventTypes.ConversationClosed);
        IsHandedOff = timeline.Any(e => e.Type == EventTypes.HandoffRequested);
        DistinctAgents = timeline
            .Where(e => e.Type == EventTypes.AgentAssigned && !string.IsNullOrWhiteSpace(e.AgentId))
            .Select(e => e.AgentId!)
            .Distinct(StringComparer.Ordinal)
            .Count();
        LatestEventTime = timeline.Max(e => e.Timestamp);

        Detections = timeline
            .Where(e => e.Type == EventTypes.IntentDetected && !string.IsNullOrWhiteSpace(e.Intent))
            .Select(e => new Detection(e.Intent!, e.Confidence))
            .ToList();
        LastIntent = Detections.Count == 0 ? null : Detections[^1].Intent;
        ToolCalls = timeline
            .Where(e => e.Type == EventTypes.ToolCalled && !string.IsNullOrWhiteSpace(e.Tool))
            .Select(e => new ToolCall(e.Tool!, e.Success, e.LatencyMs))
            .ToList();
        Spending = timeline
            .Where(e => e.Type == EventTypes.Message && (e.Tokens is not null || e.Cost is not null))
            .Select(e => new Spend(
                e.Timestamp,
                string.IsNullOrWhiteSpace(e.Model) ? ExpectedModelSpend.Unknown : e.Model,
                e.Tokens ?? 0,
                e.Cost is { } cost ? Spend.Micros(cost) : 0))
            .ToList();
        Tokens = Spending.Sum(s => s.Tokens);
        CostMicros = Spending.Sum(s => s.CostMicros);
    }

    /// <summary>From the first customer message to the first AI or agent message after it.</summary>
    public long? FirstResponseMs { get; }

    /// <summary>From the first <c>agent.assigned</c> to the first agent message after it.</summary>
    public long? HumanFirstResponseMs { get; }

    /// <summary>From the first <c>agent.assigned</c> to the latest resolution after it, else the latest close after it.</summary>
    public long? HandleMs { get; }

    /// <summary>From the start time to the latest resolution, when that is not before the start.</summary>
    public long? ResolutionMs { get; }

    /// <summary>The CSAT of the latest feedback that has one.</summary>
    public int? Csat { get; }

    /// <summary>The NPS answer of the latest feedback that has one.</summary>
    public int? Nps { get; }

    public bool HasFeedback { get; }

    /// <summary>Whether it has any <c>conversation.resolved</c>.</summary>
    public bool IsResolved { get; }

    /// <summary>Whether it has any <c>conversation.closed</c>.</summary>
    public bool HasClose { get; }

    /// <summary>Resolved or closed at some point.</summary>
    public bool HasEnded => IsResolved || HasClose;

    public bool IsHandedOff { get; }

    public int DistinctAgents { get; }

    /// <summary>Two or more distinct agents assigned.</summary>
    public bool IsTransferred => DistinctAgents >= 2;

    public DateTimeOffset LatestEventTime { get; }

    public IReadOnlyList<Detection> Detections { get; }

    /// <summary>The intent of the latest detection; null without one.</summary>
    public string? LastIntent { get; }

    public IReadOnlyList<ToolCall> ToolCalls { get; }

    /// <summary>Its messages with tokens or cost, whatever their timestamps.</summary>
    public IReadOnlyList<Spend> Spending { get; }

    public long Tokens { get; }

    public long CostMicros { get; }

    public static SecondWaveFacts From(IReadOnlyList<ContactEvent> timeline, DateTimeOffset start) => new(timeline, start);

    /// <summary>A customer message after one of its resolutions, at most <paramref name="window"/> after it.</summary>
    public bool IsReopened(TimeSpan window) =>
        _resolutions.Any(r => _customerMessages.Any(m => m.Index > r.Index && m.Timestamp - r.Timestamp <= window));

    /// <summary>Never resolved, and closed or idle: its latest event (by timestamp) before <paramref name="idleBefore"/>.</summary>
    public bool IsAbandoned(DateTimeOffset idleBefore) => !IsResolved && (HasClose || LatestEventTime < idleBefore);

    private static long Milliseconds(DateTimeOffset from, DateTimeOffset to) => (to - from).Ticks / TimeSpan.TicksPerMillisecond;

    private static int IndexOf(IReadOnlyList<ContactEvent> timeline, int from, Func<ContactEvent, bool> match)
    {
        for (var i = from; i < timeline.Count; i++)
        {
            if (match(timeline[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOf(IReadOnlyList<ContactEvent> timeline, int from, Func<ContactEvent, bool> match)
    {
        for (var i = timeline.Count - 1; i >= from; i--)
        {
            if (match(timeline[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<(int Index, DateTimeOffset Timestamp)> Positions(IReadOnlyList<ContactEvent> timeline, Func<ContactEvent, bool> match) =>
        timeline.Select((e, i) => (e, i)).Where(x => match(x.e)).Select(x => (x.i, x.e.Timestamp)).ToList();
}
