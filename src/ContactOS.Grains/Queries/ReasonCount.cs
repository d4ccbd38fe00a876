namespace ContactOS.Grains.Queries;

public sealed record ReasonCount(string Reason, long Count);
