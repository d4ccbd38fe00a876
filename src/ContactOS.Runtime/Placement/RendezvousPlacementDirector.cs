using ContactOS.Runtime.Membership;

namespace ContactOS.Runtime.Placement;

/// <summary>
/// Placement in a cluster: a grain's owner is the active worker silo with the highest rendezvous score for the
/// grain's <see cref="PlacementKey"/>, computed locally from the <see cref="IClusterView"/>, so every silo with the
/// same membership version names the same owner without asking anyone.
/// </summary>
public sealed class RendezvousPlacementDirector : IPlacementDirector
{
    private readonly IClusterView _view;
    private readonly string _localAddress;
    private Candidates _candidates = new(MembershipSnapshot.Empty, []);

    /// <param name="view">The membership as this silo last read it.</param>
    /// <param name="localAddress">This silo's <c>Cluster:Address</c>.</param>
    public RendezvousPlacementDirector(IClusterView view, string localAddress)
    {
        _view = view;
        _localAddress = localAddress;
    }

    /// <summary>True when this silo, not evicted, is the grain's owner in the current view.</summary>
    public bool IsLocal(GrainId grainId) => !_view.IsEvicted && OwnerOf(grainId)?.Address == _localAddress;

    /// <summary>True when this silo owns the grains of <paramref name="placementKey"/> (a tenant id).</summary>
    public bool IsLocal(string placementKey) => !_view.IsEvicted && OwnerOf(placementKey)?.Address == _localAddress;

    /// <summary>The silo that owns <paramref name="grainId"/> in the current view; null while no worker silo is active.</summary>
    public ClusterMember? OwnerOf(GrainId grainId) => OwnerOf(PlacementKey.Of(grainId));

    /// <summary>The silo that owns the grains of <paramref name="placementKey"/> (a tenant id) in the current view.</summary>
    public ClusterMember? OwnerOf(string placementKey)
    {
        var candidates = CurrentCandidates();
        var keyHash = RendezvousHash.Hash(placementKey);
        ClusterMember? owner = null;
        var best = 0UL;
        foreach (var (member, siloHash) in candidates.Workers)
        {
            var score = RendezvousHash.Score(keyHash, siloHash);
            // Ties (astronomically rare) go to the lower address: candidates are ordered by address.
            if (owner is null || score > best)
            {
                owner = member;
                best = score;
            }
        }

        return owner;
    }

    private Candidates CurrentCandidates()
    {
        var snapshot = _view.Current;
        var candidates = Volatile.Read(ref _candidates);
        if (ReferenceEquals(candidates.Snapshot, snapshot))
        {
            return candidates;
        }

        // Once per membership version: the silo hashes do not change between versions.
        var workers = snapshot.Members
            .Where(member => member.OwnsGrains)
            .OrderBy(member => member.Address, StringComparer.Ordinal)
            .Select(member => (member, RendezvousHash.Hash(member.Address)))
            .ToArray();
        candidates = new Candidates(snapshot, workers);
        Volatile.Write(ref _candidates, candidates);
        return candidates;
    }

    private sealed record Candidates(MembershipSnapshot Snapshot, (ClusterMember Member, ulong Hash)[] Workers);
}
