namespace ContactOS.Grains.Queries;

/// <summary>One insight: the rule that fired (for example <c>handoff_reason_up:billing</c>) and its sentence.</summary>
public sealed record Insight(string Rule, string Text);
