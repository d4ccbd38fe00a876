using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using ContactOS.Runtime.Activation;

namespace ContactOS.Runtime.Registry;

/// <summary>
/// Process-wide registry of grain interfaces (with their generated reference factories) and grain classes.
/// Generated module initializers fill it; the runtime reads it.
/// </summary>
public static class GrainTypeRegistry
{
    private static readonly ConcurrentDictionary<Type, Type[]> s_classesByInterface = new();
    private static readonly ConcurrentDictionary<Type, byte> s_classes = new();
    private static readonly ConcurrentDictionary<Module, byte> s_initializedModules = new();

    /// <summary>Called by generated code for each grain interface.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterReference<TGrainInterface>(Func<GrainRuntime, GrainId, TGrainInterface> factory)
        where TGrainInterface : IGrainWithStringKey
        => ReferenceFactory<TGrainInterface>.Factory = factory;

    /// <summary>Called by generated code for each grain class with the grain interfaces it implements.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterGrainClass(Type grainClass, params Type[] grainInterfaces)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        ArgumentNullException.ThrowIfNull(grainInterfaces);
        if (!s_classes.TryAdd(grainClass, 0))
        {
            return;
        }

        foreach (var grainInterface in grainInterfaces)
        {
            s_classesByInterface.AddOrUpdate(
                grainInterface,
                static (_, c) => [c],
                static (_, existing, c) => existing.Contains(c) ? existing : [.. existing, c],
                grainClass);
        }
    }

    /// <summary>Runs the generated registrations of <paramref name="assembly"/> if they have not run yet.</summary>
    public static void EnsureRegistered(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (s_initializedModules.TryAdd(assembly.ManifestModule, 0))
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
    }

    internal static IReadOnlyCollection<Type> GrainClasses => (IReadOnlyCollection<Type>)s_classes.Keys;

    internal static Func<GrainRuntime, GrainId, TGrainInterface> GetReferenceFactory<TGrainInterface>()
        where TGrainInterface : IGrainWithStringKey
    {
        if (ReferenceFactory<TGrainInterface>.Factory is { } factory)
        {
            return factory;
        }

        EnsureRegistered(typeof(TGrainInterface).Assembly);
        return ReferenceFactory<TGrainInterface>.Factory
            ?? throw new InvalidOperationException(
                $"No grain reference was generated for {typeof(TGrainInterface).FullName}. The project that declares it must " +
                "reference ContactOS.Runtime.Generators as an analyzer (see README, 'Writing a grain').");
    }

    internal static Type[] GetGrainClasses(Type grainInterface)
        => s_classesByInterface.TryGetValue(grainInterface, out var classes) ? classes : [];

    private static class ReferenceFactory<TGrainInterface>
        where TGrainInterface : IGrainWithStringKey
    {
        public static Func<GrainRuntime, GrainId, TGrainInterface>? Factory;
    }
}
