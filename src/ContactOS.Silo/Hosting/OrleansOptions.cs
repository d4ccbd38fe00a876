namespace ContactOS.Silo.Hosting;

/// <summary>Section "Orleans": how this process runs its Orleans silo.</summary>
internal sealed class OrleansOptions
{
    public const string SectionName = "Orleans";

    /// <summary>The silo's name in logs and the Orleans Dashboard; default: the machine name.</summary>
    public string? SiloName { get; set; }

    /// <summary>
    /// The loopback port the single process's silo listens on for silo-to-silo messages. 0 (the default) picks a free
    /// one at start-up: one process needs no fixed port, and several can run on one machine.
    /// </summary>
    public int SiloPort { get; set; }
}
