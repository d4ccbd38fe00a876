namespace ContactOS.Runtime.Calls;

/// <summary>Describes one grain interface method; generated references hold one static instance per method.</summary>
/// <param name="interfaceName">The declaring interface's simple name, for messages.</param>
/// <param name="methodName">The method's name.</param>
/// <param name="flags">Scheduling properties from the method's attributes.</param>
/// <param name="id">
/// The method's identity between silos: the declaring interface's full name, the method name and its position in
/// the interface (overloads differ by it). Every silo runs the same build, so the same id names the same method.
/// </param>
public sealed class GrainMethod(string interfaceName, string methodName, GrainMethodFlags flags, string? id = null)
{
    public string InterfaceName { get; } = interfaceName;

    public string MethodName { get; } = methodName;

    public GrainMethodFlags Flags { get; } = flags;

    public string Id { get; } = id ?? $"{interfaceName}.{methodName}";

    public bool AlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    public bool IsLongPoll => (Flags & GrainMethodFlags.LongPoll) != 0;

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
