using System.Collections.Concurrent;

namespace ContactOS.Runtime.Tests.Grains;

/// <summary>
/// What test grains report about themselves (activations, deactivations, concurrency, events), keyed by
/// grain key so tests running in parallel never see each other's figures.
/// </summary>
public static class ProbeRegistry
{
    private static readonly ConcurrentDictionary<string, Probe> s_probes = new();

    public static Probe For(string key) => s_probes.GetOrAdd(key, static _ => new Probe());
}
