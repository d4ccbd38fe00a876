namespace ContactOS.Runtime.Placement;

/// <summary>Placement for a single silo: every grain lives here.</summary>
internal sealed class LocalPlacementDirector : IPlacementDirector
{
    public bool IsLocal(GrainId grainId) => true;
}
