namespace ContactOS.Runtime;

/// <summary>A grain call run by another silo failed there; the message and type are the original exception's.</summary>
public sealed class RemoteCallException(string remoteType, string message, string silo)
    : Exception($"{message} (raised by {remoteType} on silo {silo})")
{
    /// <summary>The full name of the exception type the grain threw on the remote silo.</summary>
    public string RemoteType { get; } = remoteType;

    /// <summary>The address of the silo that ran the call.</summary>
    public string Silo { get; } = silo;
}
