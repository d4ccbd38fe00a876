namespace ContactOS.Runtime.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing: each placement key goes to the silo with the highest
/// score(key, silo). Removing a silo moves only the keys it had; adding one moves only the keys it now wins, about
/// 1/N of them. The hash is fixed (FNV-1a, then the MurmurHash3 finalizer) rather than
/// <see cref="string.GetHashCode()"/>, which differs per process: every silo must compute the same scores.
/// </summary>
internal static class RendezvousHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The stable 64-bit hash of <paramref name="text"/>, well mixed.</summary>
    public static ulong Hash(string text)
    {
        var hash = FnvOffset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * FnvPrime;
            }
        }

        return Mix(hash);
    }

    /// <summary>The weight of a key on a silo, both given by their <see cref="Hash"/>.</summary>
    public static ulong Score(ulong keyHash, ulong siloHash) => Mix(keyHash ^ siloHash);

    /// <summary>MurmurHash3's 64-bit finalizer: every input bit flips each output bit with probability about 1/2.</summary>
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccd;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53;
        value ^= value >> 33;
        return value;
    }
}
