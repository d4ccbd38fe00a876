namespace ContactOS.Grains;

/// <summary>The grain storage providers the grains use; the host registers one under each name.</summary>
public static class GrainStorageNames
{
    /// <summary>Tenant grains' snapshots, each carrying the event-log position it includes.</summary>
    public const string Snapshots = "snapshots";
}
