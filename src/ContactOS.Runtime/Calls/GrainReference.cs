using System.ComponentModel;
using ContactOS.Runtime.Activation;

namespace ContactOS.Runtime.Calls;

/// <summary>
/// Base of every generated grain reference. A reference is a grain id plus the runtime that routes its calls;
/// it remembers the activation it last reached so repeated calls skip the directory lookup.
/// </summary>
public abstract class GrainReference
{
    private readonly GrainRuntime _runtime;

    protected GrainReference(GrainRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    /// <summary>Calls fail rather than leave this silo (<see cref="IGrainFactory.GetLocalGrain{TGrainInterface}"/>).</summary>
    internal bool LocalOnly { get; set; }

    internal ActivationData? CachedActivation { get; set; }

    /// <summary>Called by generated code: invokes a method returning <see cref="Task{TResult}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<TResult> InvokeAsync<TGrain, TArgs, TResult>(GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
        where TGrain : class
        => (Task<TResult>)_runtime.Invoke<TGrain, TArgs, TResult>(this, method, invoker, args);

    /// <summary>Called by generated code: invokes a method returning <see cref="Task"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task InvokeAsync<TGrain, TArgs>(GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
        where TGrain : class
        => _runtime.Invoke<TGrain, TArgs, VoidResult>(this, method, invoker, args);

    public override string ToString() => GrainId.ToString();
}
