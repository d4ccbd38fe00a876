namespace ContactOS.Runtime.Membership;

/// <summary>
/// One row change of a membership write: <paramref name="Previous"/> is the row exactly as read (null for a new
/// address), so the write applies only if nobody changed the row since, not even its heartbeat.
/// </summary>
public sealed record MemberUpdate(ClusterMember? Previous, ClusterMember Next);
