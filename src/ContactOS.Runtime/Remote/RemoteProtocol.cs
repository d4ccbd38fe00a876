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

    /// <summary>Proof that the caller knows the cluster's secret (<see cref="ClusterKey"/>).</summary>
    public const string ClusterKeyHeader = "X-Cluster-Key";

    /// <summary>
    /// What a silo sends to prove it knows <c>Cluster:Secret</c>: an HMAC of a fixed label under the secret, so the
    /// secret itself never travels.
    /// </summary>
    public static string ClusterKey(string secret) =>
        Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), "contactos silo calls v1"u8));

    /// <summary>Constant-time comparison of a presented key with the expected one.</summary>
    public static bool IsValidKey(string? presented, string expected) =>
        presented is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(presented), System.Text.Encoding.ASCII.GetBytes(expected));
}
