using System.Globalization;
using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// What makes one simulated tenant different from another: its agents, its intents and how often each occurs, its
/// language mix and the UTC offset its platform writes timestamps in. It also hands out the tenant's ids.
/// </summary>
internal sealed class TenantProfile
{
    private static readonly string[] s_agentNames =
    [
        "María G.", "Carlos R.", "Ana P.", "Lucía M.", "Javier L.", "Sofía T.", "Diego H.", "Emma W.", "James K.", "Olivia B.",
        "Pablo S.", "Laura F.", "Miguel A.", "Sarah C.", "David N.", "Carmen V.", "Andrés D.", "Isabel O.", "Tom H.", "Elena J.",
    ];

    private static readonly TimeSpan[] s_offsets =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(-5), new(5, 30, 0), TimeSpan.FromHours(-3),
    ];

    public const int MaxAgents = 20;

    private readonly string _idPrefix;
    private readonly TimeZoneInfo? _zone;
    private long _eventSequence;
    private long _conversationSequence;

    private TenantProfile(
        string tenantId, string idPrefix, IReadOnlyList<SimulatedAgent> agents, IReadOnlyList<string> intents, IReadOnlyList<double> intentWeights,
        double spanishShare, TimeSpan offset, TimeZoneInfo? zone = null)
    {
        _zone = zone;
        ClosesEveryStaleConversation = zone is not null;
        TenantId = tenantId;
        _idPrefix = idPrefix;
        Agents = agents;
        Intents = intents;
        IntentWeights = intentWeights;
        SpanishShare = spanishShare;
        Offset = offset;
    }

    public string TenantId { get; }

    public IReadOnlyList<SimulatedAgent> Agents { get; }

    public IReadOnlyList<string> Intents { get; }

    public IReadOnlyList<double> IntentWeights { get; }

    public double SpanishShare { get; }

    /// <summary>Whether every conversation left hanging is closed after a day or two; otherwise a few stay open for good.</summary>
    public bool ClosesEveryStaleConversation { get; }

    /// <summary>The offset this tenant's platform writes about half its timestamps in; the other half use +00:00.</summary>
    public TimeSpan Offset { get; }

    /// <param name="agentIdPrefix">Prefix of agent ids; <paramref name="idPrefix"/> when null.</param>
    public static TenantProfile Create(string tenantId, Random random, int agentCount, string idPrefix, string? agentIdPrefix = null)
    {
        agentIdPrefix ??= idPrefix;
        var names = s_agentNames.ToList();
        random.Shuffle(names);
        var agents = names.Take(agentCount)
            .Select((name, i) => new SimulatedAgent(string.Create(CultureInfo.InvariantCulture, $"{agentIdPrefix}agent-{i + 1:D2}"), name))
            .ToList();

        var intents = DrawIntents(random);
        var spanishShare = random.Pick([0.1, 0.5, 0.8]);
        return new TenantProfile(tenantId, idPrefix, agents, intents, Weights(intents.Count), spanishShare, random.Pick(s_offsets));
    }

    /// <summary>
    /// A tenant of <paramref name="model"/>. Its agents depend on the tenant id alone, not on the seed or the run, so
    /// its history and its live stream move the same agents; their ids carry the tenant id, so no two tenants share one.
    /// </summary>
    public static TenantProfile Create(string tenantId, TenantModel model, Random random, int agentCount, string idPrefix)
    {
        var names = AgentNames.Of(model.Locale).ToList();
        new Random(StableSeed(tenantId)).Shuffle(names);
        var agents = names.Take(agentCount)
            .Select((name, i) => new SimulatedAgent(string.Create(CultureInfo.InvariantCulture, $"{tenantId}-agent-{i + 1:D2}"), name))
            .ToList();
        var intents = model.Intents.Count > 0 ? [.. model.Intents] : DrawIntents(random);
        var zone = model.Zone();
        return new TenantProfile(tenantId, idPrefix, agents, intents, Weights(intents.Count), model.SpanishShare, zone.BaseUtcOffset, zone);
    }

    // Each tenant sees its own handful of intents, a few of them much more often than the rest.
    private static List<string> DrawIntents(Random random)
    {
        var intents = IntentIds.All.ToList();
        random.Shuffle(intents);
        return intents.Take(random.Next(5, 11)).ToList();
    }

    private static List<double> Weights(int count) => [.. Enumerable.Range(1, count).Select(rank => 1.0 / Math.Pow(rank, 1.2))];

    // FNV-1a over the id's characters: the same on every run and machine, unlike string.GetHashCode.
    private static int StableSeed(string tenantId)
    {
        var hash = 2_166_136_261u;
        foreach (var c in tenantId)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return (int)(hash & int.MaxValue);
    }

    public string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}ev-{++_eventSequence:D7}");

    public string NextConversationId() => string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}conv-{++_conversationSequence:D6}");

    public string PickIntent(Random random) => Intents[random.PickWeighted(IntentWeights)];

    /// <summary>The instant written with +00:00 or with the tenant's own offset: the same instant either way.</summary>
    public DateTimeOffset Stamp(Random random, DateTimeOffset instant) =>
        instant.ToOffset(random.Chance(0.5) ? TimeSpan.Zero : _zone?.GetUtcOffset(instant) ?? Offset);

    /// <summary>Moves an agent to a plausible next status and writes the <c>agent.status</c> event.</summary>
    public ContactEvent ChangeAgentStatus(Random random, SimulatedAgent agent, DateTimeOffset at)
    {
        agent.Status = agent.Status switch
        {
            null => random.Chance(0.6) ? "online" : "offline",
            "online" => random.Chance(0.6) ? "busy" : "offline",
            "busy" => random.Chance(0.8) ? "online" : "offline",
            _ => "online",
        };
        return new ContactEvent
        {
            Id = NextEventId(),
            Type = EventTypes.AgentStatus,
            Timestamp = Stamp(random, at),
            AgentId = agent.Id,
            Status = agent.Status,
            DisplayName = agent.DisplayName,
        };
    }
}
