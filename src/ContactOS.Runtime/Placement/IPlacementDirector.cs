namespace ContactOS.Runtime.Placement;

/// <summary>
/// Decides which silo owns a grain. Every silo must compute the same answer from the same membership, so
/// the decision needs no directory round-trip.
/// </summary>
public interface IPlacementDirector
{
    /// <summary>True when this silo owns <paramref name="grainId"/> and may activate it.</summary>
    bool IsLocal(GrainId grainId);
}
