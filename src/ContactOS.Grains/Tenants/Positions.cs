using ContactOS.Grains.Ingestion;

namespace ContactOS.Grains.Tenants;

/// <summary>How a tenant grain decides whether a routed batch is already in its state.</summary>
internal static class Positions
{
    /// <summary>
    /// True when the state at <paramref name="position"/> already includes <paramref name="range"/> (a replay); false when
    /// the range is new and follows exactly what the sender believes the state includes (<paramref name="expected"/>).
    /// Otherwise the state and its sender are out of step: this activation started from another snapshot than the
    /// sender assumed (an older one after a failed write, a newer one written late by a previous activation), and
    /// applying the range would lose or double events. The call fails; the tenant's pipeline then catches up again
    /// from the positions the grains really hold.
    /// </summary>
    public static bool Includes(long position, LogRange range, long expected, GrainId grain)
    {
        if (range.Through <= position)
        {
            return true;
        }

        if (range.From <= position || position != expected)
        {
            throw new InvalidOperationException(
                $"{grain} includes the log up to {position}, but its pipeline sent the batch {range.From}-{range.Through} " +
                $"for a state up to {expected}; the pipeline catches up again.");
        }

        return false;
    }
}
