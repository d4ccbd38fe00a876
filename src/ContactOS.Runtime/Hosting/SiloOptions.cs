using System.Reflection;

namespace ContactOS.Runtime.Hosting;

/// <summary>Settings of a silo (configuration section "Silo").</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Name in logs and, in a cluster, in the membership table. Default: the machine name.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>How long a caller waits for a grain call before it fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is collected (per class: <see cref="CollectionAgeLimitAttribute"/>).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; also the precision of the collection age.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest reminder period accepted; reminders are for minutes and hours, timers for less.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a graceful shutdown waits for activations to deactivate.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Assemblies with grain classes to load; assemblies already loaded are found without being listed.</summary>
    public IList<Assembly> GrainAssemblies { get; } = [];
}
