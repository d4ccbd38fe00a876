namespace ContactOS.Simulation.Oracle;

/// <summary>A message with a sentiment (given or scored from its text), and whether it came at or after the first handoff.</summary>
internal readonly record struct ScoredMessage(DateTimeOffset Timestamp, int Sentiment, bool HumanPhase);
