namespace ContactOS.Runtime;

/// <summary>
/// Identity of a grain: its type name (stable, stored in the database) and its string key.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
