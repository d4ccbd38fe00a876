using ContactOS.Grains.Queries;

namespace ContactOS.Silo.Live;

/// <summary>
/// What a dashboard receives as <c>snapshot</c> and <c>update</c>: the whole picture of one tenant for one period,
/// never a delta, so a client that missed messages is right again with the next one.
/// </summary>
/// <param name="TenantId">The tenant of the connection's token.</param>
/// <param name="Period"><c>today</c>, <c>7d</c>, <c>30d</c> or <c>90d</c>, as the connection asked.</param>
/// <param name="Kpis">The same report as <c>GET /api/v2/analytics/kpis</c> for that period.</param>
/// <param name="Agents">The human agent roster, as <c>GET /api/v2/agents</c> answers it.</param>
/// <param name="At">When the figures were read.</param>
internal sealed record LiveUpdate(string TenantId, string Period, KpiReport Kpis, AgentRoster Agents, DateTimeOffset At)
{
    /// <summary>True when the figures are the same, whenever they were read: such an update is not worth sending.</summary>
    public bool HasSameFigures(LiveUpdate? other) => other is not null && Kpis == other.Kpis
        && Agents.Counts == other.Agents.Counts && Agents.Agents.SequenceEqual(other.Agents.Agents);
}
