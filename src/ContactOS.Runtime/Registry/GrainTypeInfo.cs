using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Runtime.Registry;

/// <summary>What the runtime knows about one grain class: its stored name, scheduling and collection settings.</summary>
internal sealed class GrainTypeInfo
{
    private readonly ObjectFactory _factory;

    public GrainTypeInfo(Type grainClass)
    {
        if (!typeof(Grain).IsAssignableFrom(grainClass) || grainClass.IsAbstract)
        {
            throw new ArgumentException($"{grainClass.FullName} is not a concrete class deriving from {nameof(Grain)}.", nameof(grainClass));
        }

        GrainClass = grainClass;
        Name = GetName(grainClass);
        IsReentrant = grainClass.GetCustomAttribute<ReentrantAttribute>() is not null;
        CollectionAgeLimit = grainClass.GetCustomAttribute<CollectionAgeLimitAttribute>()?.AgeLimit;
        IsRemindable = typeof(IRemindable).IsAssignableFrom(grainClass);
        _factory = ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes);
    }

    public Type GrainClass { get; }

    public string Name { get; }

    public bool IsReentrant { get; }

    public TimeSpan? CollectionAgeLimit { get; }

    public bool IsRemindable { get; }

    public Grain Create(IServiceProvider services) => (Grain)_factory(services, null);

    /// <summary>The stored grain type name: the <see cref="GrainTypeAttribute"/> or the class name without "Grain", lower case.</summary>
    public static string GetName(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>(inherit: false) is { } attribute)
        {
            return attribute.Name;
        }

        var name = grainClass.Name;
        var backtick = name.IndexOf('`', StringComparison.Ordinal);
        if (backtick >= 0)
        {
            name = name[..backtick];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
