namespace ContactOS.Runtime;

/// <summary>
/// Names the grain type as stored in the database. Without it the name is the class name without its
/// "Grain" suffix, in lower case (<c>CounterGrain</c> is "counter"). Renaming a class therefore orphans its
/// stored state unless the old name is kept here.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
