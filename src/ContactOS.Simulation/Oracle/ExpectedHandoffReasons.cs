namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations started in the period by handoff reason: all five, in vocabulary order, zeros included.</summary>
public sealed record ExpectedHandoffReasons(IReadOnlyList<ExpectedCount> Reasons)
{
    public int this[string reason] => Reasons.Single(r => r.Name == reason).Count;
}
