using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>How a tenant grain decides whether a routed batch is already in its state.</summary>
internal static class Positions
{
    /// <summary>
    /// True when the state at <paramref name="position"/> already includes <paramref name="range"/> (a replay);
    /// false when the range is new. A range that starts inside the state cannot be applied exactly: the pipeline
    /// cuts replays at snapshot positions, so it means a defect.
    /// </summary>
    public static bool Includes(long position, LogRange range, GrainId grain)
    {
        if (range.Through <= position)
        {
            return true;
        }

        if (range.From <= position)
        {
            throw new InvalidOperationException(
                $"{grain} includes the log up to {position}; the batch {range.From}-{range.Through} straddles it.");
        }

        return false;
    }
}
