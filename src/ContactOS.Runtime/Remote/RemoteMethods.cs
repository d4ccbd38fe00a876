using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Calls;

namespace ContactOS.Runtime.Remote;

/// <summary>
/// Every grain method by its <see cref="GrainMethod.Id"/>, so a silo can run a call another silo sent it. Generated
/// references register their methods when their module loads.
/// </summary>
public static class RemoteMethods
{
    private static readonly ConcurrentDictionary<string, RemoteMethod> s_methods = new(StringComparer.Ordinal);

    /// <summary>Called by generated code for each grain interface method.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register<TGrain, TArgs, TResult>(GrainMethod method, Func<TGrain, TArgs, Task> invoker)
        where TGrain : class
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(invoker);
        s_methods.TryAdd(method.Id, new RemoteMethod<TGrain, TArgs, TResult>(method, invoker));
    }

    internal static RemoteMethod? Find(string id) => s_methods.GetValueOrDefault(id);
}

/// <summary>A grain method a silo can run for another: arguments and result travel as JSON.</summary>
internal abstract class RemoteMethod(GrainMethod method)
{
    public GrainMethod Method { get; } = method;

    /// <summary>
    /// Runs the call on this silo. The arguments are read before the first await, so <paramref name="args"/> only
    /// needs to live until this method returns its task.
    /// </summary>
    public abstract Task<byte[]> InvokeAsync(GrainRuntime runtime, GrainId grainId, JsonElement args);
}

internal sealed class RemoteMethod<TGrain, TArgs, TResult>(GrainMethod method, Func<TGrain, TArgs, Task> invoker) : RemoteMethod(method)
    where TGrain : class
{
    private static readonly byte[] s_null = "null"u8.ToArray();

    public override Task<byte[]> InvokeAsync(GrainRuntime runtime, GrainId grainId, JsonElement args)
    {
        var value = args.Deserialize<TArgs>(RemoteJson.Options)!;
        var task = runtime.InvokeHere<TGrain, TArgs, TResult>(grainId, Method, invoker, value);
        return CompleteAsync(task);
    }

    private static async Task<byte[]> CompleteAsync(Task task)
    {
        if (typeof(TResult) == typeof(VoidResult))
        {
            await task.ConfigureAwait(false);
            return s_null;
        }

        var result = await ((Task<TResult>)task).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(result, RemoteJson.Options);
    }
}
