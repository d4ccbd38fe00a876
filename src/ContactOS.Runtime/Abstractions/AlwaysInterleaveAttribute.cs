namespace ContactOS.Runtime;

/// <summary>Marks a grain interface method whose calls may interleave with any other call.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
