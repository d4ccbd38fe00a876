using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Demo;

/// <summary>Rejects demo settings that would flood the machine or make no sense, at start-up and naming the key.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    private const double MaxEventsPerSecond = 10_000;
    private const int MaxHistoryDays = 365;
    private const int MaxHistoryConversations = 100_000;

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (double.IsNaN(options.EventsPerSecond) || options.EventsPerSecond <= 0 || options.EventsPerSecond > MaxEventsPerSecond)
        {
            failures.Add($"Demo:EventsPerSecond must be above 0 and at most {MaxEventsPerSecond:N0}, not {options.EventsPerSecond}.");
        }

        if (options.HistoryDays is < 1 or > MaxHistoryDays)
        {
            failures.Add($"Demo:HistoryDays must be 1 to {MaxHistoryDays}, not {options.HistoryDays}.");
        }

        if (options.HistoryConversations is < 0 or > MaxHistoryConversations)
        {
            failures.Add($"Demo:HistoryConversations must be 0 to {MaxHistoryConversations:N0}, not {options.HistoryConversations}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
