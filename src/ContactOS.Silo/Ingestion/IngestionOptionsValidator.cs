using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Ingestion;

/// <summary>Fails start-up naming the <c>Ingestion</c> setting to fix.</summary>
internal sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    private static readonly TimeSpan s_longestSkew = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, IngestionOptions options) =>
        options.MaxClockSkew < TimeSpan.Zero || options.MaxClockSkew > s_longestSkew
            ? ValidateOptionsResult.Fail(
                $"{IngestionOptions.SectionName}:MaxClockSkew must be from 00:00:00 to 1.00:00:00, e.g. 00:05:00 (got {options.MaxClockSkew}).")
            : ValidateOptionsResult.Success;
}
