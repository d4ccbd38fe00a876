namespace ContactOS.Grains.Queries;

/// <summary>
/// One local weekday × hour: conversations started in its hours and the agents' occupancy there (busy ÷ (online + busy);
/// null when no agent was online or busy).
/// </summary>
public sealed record HeatmapCell(string Weekday, int Hour, long Conversations, double? Occupancy);
