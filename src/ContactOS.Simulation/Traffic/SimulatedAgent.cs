namespace ContactOS.Simulation.Traffic;

/// <summary>A human agent of a simulated tenant and the status it last reported.</summary>
internal sealed class SimulatedAgent(string id, string displayName)
{
    public string Id { get; } = id;

    public string DisplayName { get; } = displayName;

    public string? Status { get; set; }
}
