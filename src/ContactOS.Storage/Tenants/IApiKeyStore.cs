namespace ContactOS.Storage.Tenants;

/// <summary>
/// Per-tenant ingest API keys, stored as a SHA-256 hash. Every call but <see cref="FindActiveByHashAsync"/> is scoped
/// to one tenant: another tenant's key id behaves exactly like an id that does not exist.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key for <paramref name="tenantId"/> (creating the tenant's row with defaults when missing).</summary>
    Task<ApiKeyRecord> CreateAsync(string tenantId, string name, string prefix, byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>The tenant's keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The key whose hash is <paramref name="keyHash"/>, if it exists and is not revoked.</summary>
    Task<ApiKeyRecord?> FindActiveByHashAsync(byte[] keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the tenant's key <paramref name="keyId"/> (again: no change); false when the tenant has no key with that id.
    /// </summary>
    Task<bool> RevokeAsync(string tenantId, string keyId, CancellationToken cancellationToken);
}
