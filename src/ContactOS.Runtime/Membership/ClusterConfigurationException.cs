namespace ContactOS.Runtime.Membership;

/// <summary>
/// The cluster cannot be joined as configured (another live silo has this address, several silos on one SQLite
/// file). The message says what to change; hosts report it as a configuration error, not a defect.
/// </summary>
public sealed class ClusterConfigurationException : Exception
{
    public ClusterConfigurationException()
    {
    }

    public ClusterConfigurationException(string message) : base(message)
    {
    }

    public ClusterConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
