using System.Collections.Concurrent;
using System.Reflection;
using ContactOS.Runtime.Calls;
using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Placement;
using ContactOS.Runtime.Registry;
using ContactOS.Runtime.Remote;
using ContactOS.Runtime.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Activation;

/// <summary>
/// The grain runtime of one silo: the activation directory, call routing and the services grains use
/// (state store, reminders, time). Generated references call into it; applications use it as
/// <see cref="IGrainFactory"/>.
/// </summary>
public sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<string, GrainTypeInfo> _typesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, GrainTypeInfo> _typesByInterface = new();
    private readonly IPlacementDirector _placement;
    private readonly RemoteGrainCaller? _remote;
    private readonly CancellationTokenSource _stopping = new();
    private int _collectionEpoch;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        ILogger<GrainRuntime> logger,
        IGrainStateSerializer stateSerializer,
        IPlacementDirector placement,
        IGrainStateStore? stateStore = null,
        IReminderTable? reminderTable = null)
    {
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        StateSerializer = stateSerializer;
        StateStore = stateStore;
        _placement = placement;
        // Registered only when cluster membership is on: calls to grains owned elsewhere go to their owners.
        _remote = services.GetService(typeof(RemoteGrainCaller)) as RemoteGrainCaller;
        Timeouts = new CallTimeoutTracker(timeProvider, Options.CallTimeout);
        Reminders = new ReminderService(this, reminderTable);
        RegisterGrainTypes(Options.GrainAssemblies);
    }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Number of grain classes this silo can activate.</summary>
    public int GrainTypeCount => _typesByName.Count;

    /// <summary>Number of activations in the directory (activating, active or deactivating).</summary>
    public int ActivationCount => _activations.Count;

    internal IServiceProvider Services { get; }

    internal ILogger Logger { get; }

    internal IGrainStateSerializer StateSerializer { get; }

    internal IGrainStateStore? StateStore { get; }

    internal IPlacementDirector Placement => _placement;

    internal CallTimeoutTracker Timeouts { get; }

    internal ReminderService Reminders { get; }

    internal CancellationToken StoppingToken => _stopping.Token;

    internal int CollectionEpoch => Volatile.Read(ref _collectionEpoch);

    internal bool IsStopping => _stopping.IsCancellationRequested;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var type = ResolveByInterface(typeof(TGrainInterface));
        return GrainTypeRegistry.GetReferenceFactory<TGrainInterface>()(this, new GrainId(type.Name, key));
    }

    public TGrainInterface GetLocalGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        var reference = GetGrain<TGrainInterface>(key);
        ((GrainReference)(object)reference).LocalOnly = true;
        return reference;
    }

    /// <summary>
    /// Routes one call: to the owner silo when placement puts the grain elsewhere; here, inline when the activation is
    /// idle, queued otherwise.
    /// </summary>
    internal Task Invoke<TGrain, TArgs, TResult>(GrainReference reference, GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
        where TGrain : class
    {
        var activation = reference.CachedActivation;
        if (reference.LocalOnly && _remote is not null && !_placement.IsLocal(reference.GrainId))
        {
            return Task.FromException<TResult>(new SiloUnavailableException(
                $"Grain {reference.GrainId} is owned by another silo now; this call was to run on this silo only."));
        }

        if (activation is null || activation.IsInvalid)
        {
            if (_remote is not null && !_placement.IsLocal(reference.GrainId))
            {
                reference.CachedActivation = null;
                return _remote.InvokeAsync<TGrain, TArgs, TResult>(this, reference.GrainId, method, invoker, args);
            }

            activation = GetOrCreateActivation(reference.GrainId);
            reference.CachedActivation = activation;
        }

        return InvokeOn<TGrain, TArgs, TResult>(activation, reference.GrainId, method, invoker, args, reference);
    }

    /// <summary>
    /// Runs a call on this silo whatever placement says: a call another silo sent here after this silo checked that it
    /// owns the grain, or one whose grain moved here while it waited.
    /// </summary>
    internal Task InvokeHere<TGrain, TArgs, TResult>(GrainId grainId, GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
        where TGrain : class
    {
        try
        {
            return InvokeOn<TGrain, TArgs, TResult>(GetOrCreateActivation(grainId, checkPlacement: false), grainId, method, invoker, args, reference: null);
        }
        catch (Exception exception)
        {
            return Task.FromException<TResult>(exception);
        }
    }

    private Task InvokeOn<TGrain, TArgs, TResult>(
        ActivationData activation, GrainId grainId, GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args, GrainReference? reference)
        where TGrain : class
    {

        if (activation.TryEnterInline(method))
        {
            Task task;
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(activation);
            try
            {
                task = invoker((TGrain)activation.GrainInstance, args);
            }
            catch (Exception exception)
            {
                task = Task.FromException<TResult>(exception);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }

            if (task.IsCompleted)
            {
                activation.ExitInline(method, completed: true);
                return task;
            }

            var pending = new GrainCall<TGrain, TArgs, TResult>(grainId, method, invoker, args);
            activation.ExitInline(method, completed: false);
            Timeouts.Track(pending);
            var started = activation;
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => started.FinishCall(pending, task));
            return pending.Task;
        }

        var call = new GrainCall<TGrain, TArgs, TResult>(grainId, method, invoker, args);
        while (!activation.Enqueue(call))
        {
            activation = GetOrCreateActivation(grainId, checkPlacement: reference is not null);
            if (reference is not null)
            {
                reference.CachedActivation = activation;
            }
        }

        Timeouts.Track(call);
        return call.Task;
    }

    /// <summary>Sends a call that waited on a deactivated activation to the grain's next activation.</summary>
    internal void Redispatch(IGrainCall call)
    {
        try
        {
            while (!GetOrCreateActivation(call.Target).Enqueue(call))
            {
            }
        }
        catch (Exception exception)
        {
            call.Fail(exception);
        }
    }

    /// <summary>Queues a call for a grain known only by id (reminder deliveries).</summary>
    internal void Dispatch(IGrainCall call)
    {
        Redispatch(call);
        Timeouts.Track(call);
    }

    internal void OnActivationRemoved(ActivationData activation)
        => _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    internal int AdvanceCollectionEpoch() => Interlocked.Increment(ref _collectionEpoch);

    internal ICollection<ActivationData> Activations => _activations.Values;

    internal void BeginStopping() => _stopping.Cancel();

    internal GrainTypeInfo ResolveByName(string grainType)
    {
        if (_typesByName.TryGetValue(grainType, out var type))
        {
            return type;
        }

        RegisterGrainTypes([]);
        return _typesByName.TryGetValue(grainType, out type)
            ? type
            : throw new InvalidOperationException($"Unknown grain type '{grainType}': no loaded grain class has that name.");
    }

    private GrainTypeInfo ResolveByInterface(Type grainInterface)
    {
        if (_typesByInterface.TryGetValue(grainInterface, out var type))
        {
            return type;
        }

        var classes = GrainTypeRegistry.GetGrainClasses(grainInterface);
        if (classes.Length == 0)
        {
            RegisterGrainTypes([]);
            classes = GrainTypeRegistry.GetGrainClasses(grainInterface);
        }

        type = classes.Length switch
        {
            0 => throw new InvalidOperationException(
                $"No grain class implements {grainInterface.FullName}. Is the assembly with the grain class loaded and " +
                $"listed in {nameof(SiloOptions)}.{nameof(SiloOptions.GrainAssemblies)}?"),
            1 => ResolveByName(GrainTypeInfo.GetName(classes[0])),
            _ => throw new InvalidOperationException(
                $"{grainInterface.FullName} is implemented by several grain classes ({string.Join(", ", classes.Select(c => c.Name))}); " +
                "give each its own grain interface."),
        };
        _typesByInterface.TryAdd(grainInterface, type);
        return type;
    }

    private void RegisterGrainTypes(IEnumerable<Assembly> assemblies)
    {
        var runtimeAssembly = typeof(Grain).Assembly.GetName().Name;
        foreach (var assembly in assemblies.Concat(AppDomain.CurrentDomain.GetAssemblies()))
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            if (assembly.GetReferencedAssemblies().Any(a => a.Name == runtimeAssembly))
            {
                GrainTypeRegistry.EnsureRegistered(assembly);
            }
        }

        foreach (var grainClass in GrainTypeRegistry.GrainClasses)
        {
            var info = new GrainTypeInfo(grainClass);
            var registered = _typesByName.GetOrAdd(info.Name, info);
            if (registered.GrainClass != grainClass)
            {
                throw new InvalidOperationException(
                    $"Grain classes {registered.GrainClass.FullName} and {grainClass.FullName} both have the grain type name " +
                    $"'{info.Name}'. Give one of them a [GrainType(\"...\")] attribute with a distinct name.");
            }
        }
    }

    private ActivationData GetOrCreateActivation(GrainId grainId, bool checkPlacement = true)
    {
        if (_activations.TryGetValue(grainId, out var activation))
        {
            return activation;
        }

        if (IsStopping)
        {
            throw new SiloUnavailableException($"The silo is shutting down and no longer activates grains (grain {grainId}).");
        }

        if (checkPlacement && !_placement.IsLocal(grainId))
        {
            throw new SiloUnavailableException(
                $"This silo may not activate grain {grainId}: another silo owns it, or this silo was evicted from the cluster.");
        }

        var created = new ActivationData(this, grainId, ResolveByName(grainId.Type));
        activation = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(activation, created))
        {
            created.Activate();
        }

        return activation;
    }
}
