namespace ContactOS.Simulation.Oracle;

/// <summary>
/// The tenant's local calendar month holding now: its start, the model spend by message time in it, that spend
/// projected over the whole month, the budget, and whether the projection exceeds it (null without a budget).
/// </summary>
public sealed record ExpectedBudget(DateTimeOffset MonthStart, decimal SpendToDate, decimal ProjectedMonthEnd, decimal? MonthlyBudget, bool? OverBudget);
