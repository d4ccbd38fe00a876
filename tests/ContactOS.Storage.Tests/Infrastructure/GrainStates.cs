using Orleans.Storage;

namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>
/// Drives the product's <see cref="IGrainStorage"/> the way Orleans' persistent state does (one <see cref="IGrainState{T}"/>
/// per activation, its ETag carried from call to call), with plain values and ETags in and out.
/// </summary>
public sealed class GrainStates(IGrainStorage storage, string stateName = "probe")
{
    public IGrainStorage Storage => storage;

    /// <summary>The stored value and its ETag; null when nothing is stored.</summary>
    public async Task<(string Value, string ETag)?> ReadAsync(GrainId grainId)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(stateName, grainId, state);
        return state.RecordExists ? (state.State!.Value, state.ETag!) : null;
    }

    /// <summary>Writes <paramref name="value"/> as an activation holding <paramref name="eTag"/>; returns the new ETag.</summary>
    public async Task<string> WriteAsync(GrainId grainId, string value, string? eTag)
    {
        var state = new GrainState<ProbeState>(new ProbeState { Value = value }) { ETag = eTag, RecordExists = eTag is not null };
        await storage.WriteStateAsync(stateName, grainId, state);
        Assert.True(state.RecordExists);
        return state.ETag!;
    }

    public async Task ClearAsync(GrainId grainId, string? eTag)
    {
        var state = new GrainState<ProbeState>(new ProbeState()) { ETag = eTag, RecordExists = eTag is not null };
        await storage.ClearStateAsync(stateName, grainId, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }
}
