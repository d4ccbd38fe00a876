namespace ContactOS.Grains.Queries;

/// <summary>168 cells, Monday 0:00 to Sunday 23:00 in the tenant's time (docs/analytics.md, "The heatmap").</summary>
public sealed record HeatmapReport(string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HeatmapCell> Cells);
