using System.Collections.Concurrent;
using System.Security.Cryptography;
using ContactOS.Storage.Tenants;

namespace ContactOS.Silo.Auth;

/// <summary>
/// Checks a presented API key on the ingestion hot path: by its SHA-256 in the store, then from a local cache for
/// <see cref="CacheDuration"/>. Revoking through this silo (<see cref="Forget"/>) takes effect here at once; other
/// silos stop accepting the key when their cache entry expires.
/// </summary>
internal sealed class ApiKeyValidator(IApiKeyStore store, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    // Keyed by the base64 hash: looking it up reveals nothing about any key, the secret never sits in memory.
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    // Keys revoked here recently: a lookup that read the row just before the revocation must not re-cache it.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyRevoked = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>The key's record when <paramref name="presentedKey"/> is a known, unrevoked key; null otherwise.</summary>
    public async ValueTask<ApiKeyRecord?> ValidateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.HasKeyShape(presentedKey))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presentedKey);
        var cacheKey = Convert.ToBase64String(hash);
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            if (cached.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(cached.Hash, hash))
            {
                return cached.Key;
            }

            _cache.TryRemove(KeyValuePair.Create(cacheKey, cached));
        }

        var key = await store.FindActiveByHashAsync(hash, cancellationToken);
        if (key is null || _recentlyRevoked.ContainsKey(key.Id))
        {
            return null;
        }

        _cache[cacheKey] = new CachedKey(hash, key, now + CacheDuration);
        Sweep(now);
        return key;
    }

    /// <summary>Drops a revoked key from this silo's cache so it stops working here at once.</summary>
    public void Forget(string keyId)
    {
        _recentlyRevoked[keyId] = timeProvider.GetUtcNow() + CacheDuration;
        foreach (var entry in _cache.Where(entry => entry.Value.Key.Id == keyId))
        {
            _cache.TryRemove(entry);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + CacheDuration).UtcTicks, due) != due)
        {
            // Not due yet, or another request is sweeping.
            return;
        }

        foreach (var entry in _cache.Where(entry => entry.Value.ExpiresAt <= now))
        {
            _cache.TryRemove(entry);
        }

        foreach (var entry in _recentlyRevoked.Where(entry => entry.Value <= now))
        {
            _recentlyRevoked.TryRemove(entry);
        }
    }

    private sealed record CachedKey(byte[] Hash, ApiKeyRecord Key, DateTimeOffset ExpiresAt);
}
