namespace ContactOS.Silo.Hosting;

/// <summary>Section "Silo": this process's Orleans silo.</summary>
internal sealed class SiloHostOptions
{
    public const string SectionName = "Silo";

    /// <summary>The silo's name in logs and the Orleans Dashboard; default: the machine name.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The loopback port the silo listens on for silo-to-silo messages. 0 (the default) picks a free one at start-up: a
    /// single process needs no fixed port, and several can run on one machine.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// The port fronts (Orleans clients) reach this silo on, in a cluster; 0 (the default) picks a free one, which the
    /// silo records in the cluster's membership table. A single process on SQLite opens none.
    /// </summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address other processes reach this silo at, in a cluster (e.g. the container's address). Default: the
    /// machine's first network address.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a grain call may take before it fails with a timeout (Orleans' response timeout). Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a graceful stop may take (grains store their snapshots, the silo leaves the cluster) before the process
    /// stops anyway; what was not stored is rebuilt from the event log at the next start. Default 15 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The settings' problems, each naming its setting; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            failures.Add($"{SectionName}:Name must not be blank; leave it out to use the machine name.");
        }

        if (Port is < 0 or > 65535)
        {
            failures.Add($"{SectionName}:Port must be a TCP port (1-65535), or 0 to pick a free one; it is {Port}.");
        }

        if (GatewayPort is < 0 or > 65535)
        {
            failures.Add($"{SectionName}:GatewayPort must be a TCP port (1-65535), or 0 to pick a free one; it is {GatewayPort}.");
        }

        if (AdvertisedAddress is { } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            failures.Add($"{SectionName}:AdvertisedAddress must be an IP address (e.g. 10.0.0.5); it is '{address}'.");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SectionName}:ShutdownTimeout must be greater than zero; it is {ShutdownTimeout}.");
        }

        if (ResponseTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SectionName}:ResponseTimeout must be greater than zero; it is {ResponseTimeout}.");
        }

        return failures;
    }
}
