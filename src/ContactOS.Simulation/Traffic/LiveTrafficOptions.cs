namespace ContactOS.Simulation.Traffic;

/// <summary>What <see cref="TrafficGenerator.StreamAsync"/> produces: events stamped "now", at a target rate.</summary>
public sealed record LiveTrafficOptions
{
    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> TenantIds { get; init; } = ["tenant-a", "tenant-b"];

    /// <summary>Target rate over all tenants; new conversations start whenever the running ones fall short of it.</summary>
    public double EventsPerSecond { get; init; } = 20;

    /// <summary>
    /// One model per tenant id, or none. With models, each tenant's conversations start at its model's rate at the
    /// current time, the rate its history has at the same hour of the week; <see cref="EventsPerSecond"/> does not
    /// apply, and the agents are the model's (the same as in the history).
    /// </summary>
    public IReadOnlyDictionary<string, TenantModel>? Models { get; init; }

    /// <summary>Human agents per tenant, 1 to 20.</summary>
    public int AgentsPerTenant { get; init; } = 6;

    public double AiResolvedShare { get; init; } = 0.7;

    /// <summary>
    /// Scales the waits of a realistic conversation (customers typing, handoff queues, closing): 0.1 makes a
    /// conversation play out in seconds to a few minutes.
    /// </summary>
    public double Pace { get; init; } = 0.1;

    /// <summary>How often the stream wakes up to emit the events that fell due.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Prefix of every id, so that a restarted stream with the same seed does not resend ids the system already has
    /// (it would ignore them as duplicates). Taken from the start time when not set.
    /// </summary>
    public string? RunId { get; init; }

    /// <summary>
    /// Agent ids without <see cref="RunId"/> (<c>agent-01</c>...): a restarted stream then moves the same agents instead
    /// of adding a new set to the tenant's roster each time. Conversation and event ids keep the run prefix.
    /// </summary>
    public bool StableAgentIds { get; init; }

    internal void Validate()
    {
        OptionChecks.RequireTenants(TenantIds, nameof(TenantIds));

        if (EventsPerSecond is <= 0 or > 1_000_000 || double.IsNaN(EventsPerSecond))
        {
            throw new ArgumentException("EventsPerSecond must be above 0 and at most 1,000,000.", nameof(EventsPerSecond));
        }

        OptionChecks.RequireAgents(AgentsPerTenant, nameof(AgentsPerTenant));
        OptionChecks.RequireModels(Models, TenantIds, nameof(Models));

        if (Pace <= 0 || double.IsNaN(Pace))
        {
            throw new ArgumentException("Pace must be above 0.", nameof(Pace));
        }

        if (TickInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("TickInterval must be positive.", nameof(TickInterval));
        }

        OptionChecks.RequireShare(AiResolvedShare, nameof(AiResolvedShare));
    }
}
