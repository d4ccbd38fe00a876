using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Hosting;

/// <summary>Fails start-up with a message naming the setting when silo options make no sense.</summary>
internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            failures.Add("Silo:Name must not be empty.");
        }

        if (options.CallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Silo:CallTimeout must be positive (got {options.CallTimeout}).");
        }

        if (options.CollectionQuantum <= TimeSpan.Zero)
        {
            failures.Add($"Silo:CollectionQuantum must be positive (got {options.CollectionQuantum}).");
        }

        if (options.CollectionAge < options.CollectionQuantum)
        {
            failures.Add($"Silo:CollectionAge ({options.CollectionAge}) must be at least Silo:CollectionQuantum ({options.CollectionQuantum}).");
        }

        if (options.MinimumReminderPeriod <= TimeSpan.Zero)
        {
            failures.Add($"Silo:MinimumReminderPeriod must be positive (got {options.MinimumReminderPeriod}).");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Silo:ShutdownTimeout must be positive (got {options.ShutdownTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
