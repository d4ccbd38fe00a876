namespace ContactOS.Simulation.Traffic;

/// <summary>
/// What <see cref="TrafficGenerator.Generate"/> produces. Conversations start in <c>[Start, End)</c>, more of them in
/// working hours; their later events run on past <see cref="End"/> but none is later than <see cref="Now"/> (it has
/// not happened yet), so the conversations started just before now are still active or pending.
/// </summary>
public sealed record TrafficOptions
{
    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> TenantIds { get; init; } = ["tenant-a", "tenant-b"];

    public int ConversationsPerTenant { get; init; } = 1_000;

    /// <summary>
    /// One model per tenant id, or none. With models, each tenant's conversations start at its model's rate over
    /// <c>[Start, End)</c> (<see cref="ConversationsPerTenant"/> does not apply) and its agents are the model's.
    /// </summary>
    public IReadOnlyDictionary<string, TenantModel>? Models { get; init; }

    /// <summary>Human agents per tenant, 1 to 20.</summary>
    public int AgentsPerTenant { get; init; } = 8;

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>No event is later than this; <see cref="End"/> when not set.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Share of conversations the AI resolves without a handoff (a few of them are reopened later).</summary>
    public double AiResolvedShare { get; init; } = 0.7;

    /// <summary>Share of events sent twice with the same id, the copy seconds or hours later in arrival order.</summary>
    public double DuplicateRatio { get; init; } = 0.02;

    /// <summary>
    /// Share of events that arrive late: most of them seconds to minutes late (shuffled among their neighbours), some
    /// hours late. The same share of conversations have their start event arrive after their first messages.
    /// </summary>
    public double OutOfOrderRatio { get; init; } = 0.05;

    /// <summary>Traffic whose conversations start in the <paramref name="length"/> before <paramref name="now"/>.</summary>
    public static TrafficOptions EndingAt(DateTimeOffset now, TimeSpan length) => new() { Start = now - length, End = now };

    internal DateTimeOffset EffectiveNow => Now ?? End;

    internal void Validate()
    {
        OptionChecks.RequireTenants(TenantIds, nameof(TenantIds));

        if (ConversationsPerTenant < 0)
        {
            throw new ArgumentException("ConversationsPerTenant must not be negative.", nameof(ConversationsPerTenant));
        }

        OptionChecks.RequireAgents(AgentsPerTenant, nameof(AgentsPerTenant));
        OptionChecks.RequireModels(Models, TenantIds, nameof(Models));

        if (Start >= End)
        {
            throw new ArgumentException("Start must be before End.", nameof(Start));
        }

        if (EffectiveNow < End)
        {
            throw new ArgumentException("Now must not be before End.", nameof(Now));
        }

        OptionChecks.RequireShare(AiResolvedShare, nameof(AiResolvedShare));
        OptionChecks.RequireShare(DuplicateRatio, nameof(DuplicateRatio));
        OptionChecks.RequireShare(OutOfOrderRatio, nameof(OutOfOrderRatio));
    }
}
