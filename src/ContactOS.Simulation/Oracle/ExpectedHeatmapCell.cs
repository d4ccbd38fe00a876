namespace ContactOS.Simulation.Oracle;

/// <summary>One local weekday × hour of the heatmap.</summary>
public sealed record ExpectedHeatmapCell(string Weekday, int Hour, long Conversations, double? Occupancy);
