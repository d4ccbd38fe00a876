namespace ContactOS.Simulation.Oracle;

/// <summary>Model spend by model (by cost, most first, ties by name, ordinal), per conversation and per resolution, automation savings and the budget.</summary>
public sealed record ExpectedCosts(
    string Currency,
    IReadOnlyList<ExpectedModelSpend> Models,
    ExpectedConversationSpend PerConversation,
    ExpectedAiResolutionCost AiResolution,
    ExpectedHumanResolutionCost HumanResolution,
    ExpectedAutomation Automation,
    ExpectedBudget Budget);
