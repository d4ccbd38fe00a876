namespace ContactOS.Runtime.Remote;

/// <summary>
/// The silo-to-silo call protocol: HTTP/2 without TLS on the silo's cluster address (<c>Cluster:Address</c>), one
/// POST per batch of calls.
/// <code>
/// request:  {"v": membershipVersion, "calls": [{"t": grainType, "k": key, "m": methodId, "a": args}, ...]}
/// response: {"v": membershipVersion, "results": [{"ok": result} | {"moved": true} | {"error": {"type": ..., "message": ...}}, ...]}
/// </code>
/// Results come in the order of the calls. <c>moved</c> means the receiving silo does not own the grain in its view
/// of the membership: the caller looks the owner up again and retries.
/// </summary>
internal static class RemoteProtocol
{
    public const string CallsPath = "/silo/v1/calls";

    public const string MembershipVersionHeader = "X-Membership-Version";
}
