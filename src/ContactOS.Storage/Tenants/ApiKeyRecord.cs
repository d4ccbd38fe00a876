namespace ContactOS.Storage.Tenants;

/// <summary>A stored ingest API key, without its secret (only its hash is stored, and it is not exposed here).</summary>
/// <param name="Id">Opaque id used to revoke the key.</param>
/// <param name="TenantId">The only tenant the key authenticates for.</param>
/// <param name="Name">What the admin called it, e.g. "desk-integration".</param>
/// <param name="Prefix">The first characters of the key, enough for a person to recognise it, useless to an attacker.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKeyRecord(
    string Id, string TenantId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
