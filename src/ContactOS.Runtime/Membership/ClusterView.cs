namespace ContactOS.Runtime.Membership;

/// <summary>
/// The <see cref="IClusterView"/> the membership agent publishes into. Snapshots are immutable and swapped whole,
/// so readers on any thread see one consistent version without locking.
/// </summary>
internal sealed class ClusterView : IClusterView
{
    private MembershipSnapshot _current = MembershipSnapshot.Empty;
    private ClusterMember? _local;
    private int _evicted;

    public MembershipSnapshot Current => Volatile.Read(ref _current);

    public ClusterMember? Local => Volatile.Read(ref _local);

    public bool IsEvicted => Volatile.Read(ref _evicted) == 1;

    public event EventHandler<ClusterViewChangedEventArgs>? Changed;

    /// <summary>Records this silo's row once it joined.</summary>
    public void SetLocal(ClusterMember local) => Volatile.Write(ref _local, local);

    /// <summary>Publishes <paramref name="snapshot"/> if it is newer than the current one; true when it was.</summary>
    public bool Publish(MembershipSnapshot snapshot)
    {
        var previous = Current;
        if (snapshot.Version <= previous.Version)
        {
            return false;
        }

        Volatile.Write(ref _current, snapshot);
        Changed?.Invoke(this, new ClusterViewChangedEventArgs(previous, snapshot));
        return true;
    }

    /// <summary>Marks this silo evicted, once; true on the first call.</summary>
    public bool MarkEvicted()
    {
        if (Interlocked.Exchange(ref _evicted, 1) == 1)
        {
            return false;
        }

        var current = Current;
        Changed?.Invoke(this, new ClusterViewChangedEventArgs(current, current));
        return true;
    }
}
