namespace ContactOS.Runtime.Membership;

/// <summary>The view before and after a change, so a subscriber can tell who joined, left or died.</summary>
public sealed class ClusterViewChangedEventArgs(MembershipSnapshot previous, MembershipSnapshot current) : EventArgs
{
    public MembershipSnapshot Previous { get; } = previous;

    public MembershipSnapshot Current { get; } = current;
}
