namespace ContactOS.Storage.EventLog;

/// <summary>
/// The last position this process wrote for each tenant, valid for as long as nobody else appends: a group whose positions
/// start right after the previous group's keeps it, any other group (another process appended, a failed group used up
/// positions, a bulk load) starts it again from that group's start. So each stored event learns a position at or after
/// its tenant's previous event with no other event of the tenant between the two, without reading the log. Used by the
/// single writer only.
/// </summary>
internal sealed class TenantTails
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private long _since = -1;
    private long _through = -1;

    /// <summary>A group wrote the positions in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public void Continue(long after, long through)
    {
        if (after != _through)
        {
            _last.Clear();
            _since = after;
        }

        _through = through;
    }

    /// <summary>Records <paramref name="position"/> as <paramref name="tenantId"/>'s newest; returns what preceded it.</summary>
    public long Advance(string tenantId, long position)
    {
        ref var last = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_last, tenantId, out var known);
        var preceding = known ? last : _since;
        last = position;
        return preceding;
    }

    /// <summary>A write failed part of the way: what it did to the positions is unknown.</summary>
    public void Break() => _through = -1;
}
