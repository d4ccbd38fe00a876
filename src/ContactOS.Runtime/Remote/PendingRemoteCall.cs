using System.Text.Json;
using ContactOS.Runtime.Calls;

namespace ContactOS.Runtime.Remote;

/// <summary>One call waiting in a <see cref="SiloConnection"/>'s batch, or for its answer.</summary>
internal abstract class PendingRemoteCall(GrainId grainId, GrainMethod method, byte[] args)
{
    public GrainId GrainId { get; } = grainId;

    public GrainMethod Method { get; } = method;

    public byte[] Args { get; } = args;

    /// <summary>Reads the result out of the response document (which is disposed after this returns).</summary>
    public abstract void Complete(JsonElement result);

    public abstract void Fail(Exception exception);
}

internal sealed class PendingRemoteCall<TResult>(GrainId grainId, GrainMethod method, byte[] args) : PendingRemoteCall(grainId, method, args)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override void Complete(JsonElement result)
    {
        try
        {
            _completion.TrySetResult(typeof(TResult) == typeof(VoidResult) ? default! : result.Deserialize<TResult>(RemoteJson.Options)!);
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}

/// <summary>The owner the call went to no longer owns the grain in its view: look the owner up again.</summary>
internal sealed class GrainMovedException(GrainId grainId, string silo, long siloVersion)
    : Exception($"Silo {silo} does not own grain {grainId} in membership version {siloVersion}.")
{
    public long SiloVersion { get; } = siloVersion;
}
