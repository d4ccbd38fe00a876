using System.Globalization;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Periods;
using ContactOS.Simulation.Oracle;

namespace ContactOS.Simulation.Tests.Oracle;

/// <summary>
/// A hand-written event history for one tenant, in arrival order: each call appends an event (or re-sends one), so
/// the order of calls is the order the system receives them.
/// </summary>
internal sealed class Scenario
{
    public const string Tenant = "acme";

    private readonly List<TenantEvent> _arrivals = [];
    private int _nextId;

    public IReadOnlyList<TenantEvent> Arrivals => _arrivals;

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public Scenario Started(string conversation, string at) => Add(EventTypes.ConversationStarted, conversation, at, e => e with { Channel = "web" });

    public Scenario Message(string conversation, string at, int? sentiment = null, string? text = null, string role = "customer") =>
        Add(EventTypes.Message, conversation, at, e => e with { Role = role, Sentiment = sentiment, Text = text });

    /// <summary>An AI message that used a model: tokens, cost and model as given.</summary>
    public Scenario Spent(string conversation, string at, int? tokens, decimal? cost, string? model = "gpt-4o-mini") =>
        Add(EventTypes.Message, conversation, at, e => e with { Role = "ai", Sentiment = 3, Tokens = tokens, Cost = cost, Model = model });

    public Scenario Intent(string conversation, string at, string intent, double? confidence = 0.9) =>
        Add(EventTypes.IntentDetected, conversation, at, e => e with { Intent = intent, Confidence = confidence });

    public Scenario Tool(string conversation, string at, string tool, bool? success, int? latencyMs) =>
        Add(EventTypes.ToolCalled, conversation, at, e => e with { Tool = tool, Success = success, LatencyMs = latencyMs });

    public Scenario Feedback(string conversation, string at, int? csat, int? nps) =>
        Add(EventTypes.Feedback, conversation, at, e => e with { Csat = csat, Nps = nps });

    public Scenario Handoff(string conversation, string at, string reason) => Add(EventTypes.HandoffRequested, conversation, at, e => e with { Reason = reason });

    public Scenario Assigned(string conversation, string at, string agent = "agent-1") => Add(EventTypes.AgentAssigned, conversation, at, e => e with { AgentId = agent });

    public Scenario Resolved(string conversation, string at, string by) => Add(EventTypes.ConversationResolved, conversation, at, e => e with { By = by });

    public Scenario Closed(string conversation, string at) => Add(EventTypes.ConversationClosed, conversation, at, e => e);

    public Scenario AgentStatus(string agent, string at, string status, string? name = null) =>
        Append(new ContactEvent
        {
            Id = NextId(),
            Type = EventTypes.AgentStatus,
            Timestamp = At(at),
            AgentId = agent,
            Status = status,
            DisplayName = name,
        });

    /// <summary>Sends again, unchanged, the event appended <paramref name="index"/>-th (0-based).</summary>
    public Scenario Resend(int index) => Append(_arrivals[index].Event);

    /// <summary>Sends an event that reuses the id of the <paramref name="index"/>-th one but says something else.</summary>
    public Scenario ReuseIdOf(int index, Func<ContactEvent, ContactEvent> change) => Append(change(_arrivals[index].Event));

    /// <summary>A conversation started (and possibly resolved) in one go, for volume scenarios.</summary>
    public Scenario Conversation(string conversation, string at, string? resolvedBy = null, string? handoffReason = null)
    {
        Started(conversation, at);
        if (handoffReason is not null)
        {
            Handoff(conversation, Later(at, 1), handoffReason);
        }

        return resolvedBy is null ? this : Resolved(conversation, Later(at, 2), resolvedBy);
    }

    public GroundTruth Truth(TimeZoneInfo? zone = null, Func<string, int>? scorer = null) =>
        new(_arrivals, _ => zone ?? TimeZoneInfo.Utc, scorer ?? (_ => throw new InvalidOperationException("No message should need scoring.")));

    public static ResolvedPeriod Period(string name, string now, TimeZoneInfo? zone = null, string? interval = null) =>
        PeriodResolver.Resolve(name, At(now), zone ?? TimeZoneInfo.Utc, interval);

    public static ResolvedPeriod Range(string from, string to, TimeZoneInfo? zone = null, string? interval = null)
    {
        Assert.True(PeriodResolver.TryResolve(null, from, to, interval, At(to), zone ?? TimeZoneInfo.Utc, out var period, out var error), error?.Message);
        return period!;
    }

    private static string Later(string at, int minutes) => At(at).AddMinutes(minutes).ToString("o", CultureInfo.InvariantCulture);

    private Scenario Add(string type, string conversation, string at, Func<ContactEvent, ContactEvent> fill) =>
        Append(fill(new ContactEvent { Id = NextId(), Type = type, Timestamp = At(at), ConversationId = conversation }));

    private Scenario Append(ContactEvent contactEvent)
    {
        _arrivals.Add(new TenantEvent(Tenant, contactEvent));
        return this;
    }

    private string NextId() => "e" + (++_nextId).ToString(CultureInfo.InvariantCulture);
}
