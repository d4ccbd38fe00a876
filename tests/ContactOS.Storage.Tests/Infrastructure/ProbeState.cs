namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>A grain state for the storage tests: one value, stored with the Orleans serializer as grains' states are.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string Value { get; set; } = "";
}
