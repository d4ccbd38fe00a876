using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Live;

/// <summary>Fails start-up naming the <c>Live</c> setting to fix.</summary>
internal sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    private const string Section = LiveOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        if (options.UpdateInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:UpdateInterval must be positive, e.g. 00:00:00.250 (got {options.UpdateInterval}).");
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:SendTimeout must be positive, e.g. 00:00:10 (got {options.SendTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
