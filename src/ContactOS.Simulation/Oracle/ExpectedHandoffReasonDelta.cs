namespace ContactOS.Simulation.Oracle;

/// <summary>Conversations with a handoff reason in the period and in the previous one.</summary>
public sealed record ExpectedHandoffReasonDelta(string Reason, int Count, int PreviousCount)
{
    public int Increase => Count - PreviousCount;

    /// <summary>The increase as a fraction of the previous count; null when the previous count is 0.</summary>
    public double? RelativeIncrease => PreviousCount == 0 ? null : (double)Increase / PreviousCount;
}
