namespace ContactOS.Grains.Queries;

public sealed record IntentCount(string Intent, long Count);
