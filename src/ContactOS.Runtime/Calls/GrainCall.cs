namespace ContactOS.Runtime.Calls;

/// <summary>
/// A call that could not run inline: it waits in the activation's queue, or it went asynchronous. The caller
/// awaits this completion source; continuations run asynchronously so caller code never runs inside the
/// activation's turn.
/// </summary>
internal sealed class GrainCall<TGrain, TArgs, TResult>(GrainId target, GrainMethod method, Func<TGrain, TArgs, Task> invoker, TArgs args)
    : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), IGrainCall
    where TGrain : class
{
    public GrainMethod Method { get; } = method;

    public GrainId Target { get; } = target;

    public bool CountsAsActivity => true;

    public bool IsAnswered => Task.IsCompleted;

    public Task Start(object grain)
    {
        if (grain is not TGrain typed)
        {
            return System.Threading.Tasks.Task.FromException(new InvalidCastException(
                $"Grain {Target} ({grain.GetType().Name}) does not implement {typeof(TGrain).Name}."));
        }

        return invoker(typed, args);
    }

    public void Complete(Task grainTask)
    {
        if (grainTask.IsFaulted)
        {
            var exceptions = grainTask.Exception!.InnerExceptions;
            TrySetException(exceptions.Count == 1 ? exceptions[0] : grainTask.Exception);
        }
        else if (grainTask.IsCanceled)
        {
            TrySetCanceled();
        }
        else if (typeof(TResult) == typeof(VoidResult))
        {
            TrySetResult(default!);
        }
        else
        {
            TrySetResult(((Task<TResult>)grainTask).Result);
        }
    }

    public void Fail(Exception exception) => TrySetException(exception);
}
