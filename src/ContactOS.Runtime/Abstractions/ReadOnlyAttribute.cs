namespace ContactOS.Runtime;

/// <summary>
/// Marks a grain interface method that does not change grain state: read-only calls may interleave with
/// each other, never with a call that may write.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
