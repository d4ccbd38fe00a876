namespace ContactOS.Runtime.Placement;

/// <summary>
/// What placement hashes for a grain. Tenant-owned grain keys are "tenant/id" (the rule of
/// <c>ContactOS.Grains.GrainKeys</c>), and the key is the tenant, so one tenant's grains live together and talk
/// to each other without leaving the silo. Any other key is placed on its own, by its full grain id.
/// </summary>
public static class PlacementKey
{
    public static string Of(GrainId grainId)
    {
        var slash = grainId.Key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? grainId.Key[..slash] : grainId.ToString();
    }
}
