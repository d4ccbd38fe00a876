namespace ContactOS.Runtime.Calls;

/// <summary>The result type of grain methods that return a plain <see cref="Task"/>.</summary>
public readonly struct VoidResult;
