namespace ContactOS.Runtime.Calls;

/// <summary>Describes one grain interface method; generated references hold one static instance per method.</summary>
public sealed class GrainMethod(string interfaceName, string methodName, GrainMethodFlags flags)
{
    public string InterfaceName { get; } = interfaceName;

    public string MethodName { get; } = methodName;

    public GrainMethodFlags Flags { get; } = flags;

    public bool AlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
