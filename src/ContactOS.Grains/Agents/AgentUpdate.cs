using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Aggregation;

namespace ContactOS.Grains.Agents;

/// <summary>
/// An agent's answer to a batch: its roster entry and its counter changes; or a request for its history first; or why the
/// batch could not be applied (<see cref="Failure"/>), in which case it changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.agent-update")]
public sealed record AgentUpdate(bool NeedsHistory, AgentState? State, KeyValuePair<MetricKey, long>[] Changes, string? Failure = null)
{
    public static readonly AgentUpdate HistoryNeeded = new(true, null, []);
}
