namespace ContactOS.Runtime;

/// <summary>Overrides, for one grain class, how long an activation may stay idle before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Minutes { get; init; }

    public TimeSpan AgeLimit => TimeSpan.FromMinutes(Minutes);
}
