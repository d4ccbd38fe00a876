using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Demo;

/// <summary>Rejects demo settings that would flood the machine or make no sense, at start-up and naming the key.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    private const double MaxConversationsPerDay = 100_000;
    private const int MaxHistoryDays = 400;

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (double.IsNaN(options.ConversationsPerDay) || options.ConversationsPerDay <= 0 || options.ConversationsPerDay > MaxConversationsPerDay)
        {
            failures.Add($"Demo:ConversationsPerDay must be above 0 and at most {MaxConversationsPerDay:N0}, not {options.ConversationsPerDay}.");
        }

        if (options.HistoryDays is < 0 or > MaxHistoryDays)
        {
            failures.Add($"Demo:HistoryDays must be 0 to {MaxHistoryDays}, not {options.HistoryDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
