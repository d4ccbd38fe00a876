using Microsoft.CodeAnalysis;

namespace ContactOS.Runtime.Generators;

internal static class GeneratorDiagnostics
{
    private const string Category = "ContactOS.Grains";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "COS0001", "Grain method must return a task",
        "Grain method {0}.{1} returns {2}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "COS0002", "Grain method cannot be generic",
        "Grain method {0}.{1} is generic; grain methods cannot have type parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ByRefParameter = new(
        "COS0003", "Grain method parameters are passed by value",
        "Parameter '{2}' of grain method {0}.{1} is ref, out or in; grain calls pass arguments by value",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonMethodMember = new(
        "COS0004", "Grain interfaces declare methods only",
        "Grain interface {0} declares '{1}'; grain interfaces may declare methods only",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InaccessibleInterface = new(
        "COS0005", "Grain interface must be accessible",
        "Grain interface {0} is private or generic; grain interfaces must be non-generic and at least internal",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
