namespace ContactOS.Runtime.Placement;

/// <summary>
/// What placement hashes for a grain: the part of its key before the first slash, or the whole key when it has none.
/// Tenant-owned grain keys are "tenant/id" (the rule of <c>ContactOS.Grains.GrainKeys</c>) and a tenant's own grains
/// are keyed by the tenant id alone, so all of one tenant's grains, whatever their type, live together and talk to
/// each other without leaving the silo. A key that starts with a slash is placed by the whole grain id.
/// </summary>
public static class PlacementKey
{
    public static string Of(GrainId grainId)
    {
        var slash = grainId.Key.IndexOf('/', StringComparison.Ordinal);
        return slash switch
        {
            > 0 => grainId.Key[..slash],
            < 0 => grainId.Key,
            _ => grainId.ToString(),
        };
    }
}
