namespace ContactOS.Simulation.Traffic;

/// <summary>Agent display names by locale, <see cref="TenantProfile.MaxAgents"/> of each, all distinct.</summary>
public static class AgentNames
{
    private static readonly Dictionary<string, string[]> s_names = new(StringComparer.Ordinal)
    {
        ["en"] =
        [
            "Emma Wilson", "James Carter", "Olivia Brooks", "Liam Turner", "Sophie Hughes", "Noah Bennett", "Grace Mitchell",
            "Oliver Hayes", "Chloe Parker", "Jack Morgan", "Amelia Foster", "Harry Collins", "Ella Richardson", "Thomas Reed",
            "Lucy Ward", "George Price", "Hannah Cooper", "Samuel Bailey", "Megan Hall", "Daniel Shaw",
        ],
        ["es"] =
        [
            "María García", "Carlos Rodríguez", "Lucía Martínez", "Javier López", "Carmen Sánchez", "Pablo Fernández",
            "Elena Gómez", "Diego Díaz", "Laura Moreno", "Álvaro Muñoz", "Sofía Romero", "Miguel Navarro", "Paula Torres",
            "Sergio Ruiz", "Marta Jiménez", "Andrés Herrera", "Isabel Castro", "Raúl Ortega", "Nuria Delgado", "Jorge Vidal",
        ],
        ["en-IN"] =
        [
            "Ananya Sen", "Rahul Banerjee", "Priya Chatterjee", "Arjun Mukherjee", "Sneha Das", "Rohan Ghosh", "Riya Bose",
            "Vikram Roy", "Pooja Dutta", "Amit Chakraborty", "Nisha Sarkar", "Debashis Paul", "Tanvi Saha", "Kunal Majumdar",
            "Shreya Basu", "Aditya Mitra", "Ishita Guha", "Sayan Pal", "Moumita Kar", "Arindam Sengupta",
        ],
    };

    public static IReadOnlyList<string> Locales { get; } = [.. s_names.Keys];

    public static IReadOnlyList<string> Of(string locale) => s_names[locale];
}
