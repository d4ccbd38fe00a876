namespace ContactOS.Simulation.Oracle;

/// <summary>The tool calls of the conversations started in the period, per tool, by calls (most first), ties by name (ordinal).</summary>
public sealed record ExpectedTools(IReadOnlyList<ExpectedTool> Tools);
