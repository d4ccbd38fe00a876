namespace ContactOS.Grains.Ingestion;

/// <summary>The Orleans stream each tenant's changes are published on; every process registers a provider by this name.</summary>
public static class LiveStreams
{
    /// <summary>The stream provider's name.</summary>
    public const string ProviderName = "live";

    /// <summary>The grain storage where stream subscriptions are kept, so they outlive a silo restart.</summary>
    public const string SubscriptionStorageName = "PubSubStore";

    private const string Namespace = "tenant-changes";

    /// <summary>The stream of <paramref name="tenantId"/>'s changes.</summary>
    public static StreamId ForTenant(string tenantId) => StreamId.Create(Namespace, tenantId);
}
