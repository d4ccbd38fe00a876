using System.Globalization;
using ContactOS.Storage.Tenants;

namespace ContactOS.Silo.Endpoints;

/// <summary>
/// The analytics settings a <c>PUT /api/v2/tenant</c> carries (docs/analytics.md): their limits, the 400 answer's
/// messages, each naming its field, and how they change the stored settings. A field left out keeps its stored value,
/// as <c>language</c> does; a money field sent as null clears it.
/// </summary>
internal static class AnalyticsSettingsInput
{
    public const double MaxHours = 720;
    public const int MaxFallbackIntents = 20;
    public const int MaxIntentNameLength = 100;
    public const decimal MaxMoney = 1_000_000_000m;
    public const int MoneyDecimals = 6;

    /// <summary>Adds a message per field of <paramref name="request"/> that breaks its rule, under the field's name.</summary>
    public static void Validate(TenantEndpoints.UpdateTenantRequest request, Dictionary<string, string[]> errors)
    {
        Hours(errors, "reopenWindowHours", request.ReopenWindowHours);
        Hours(errors, "abandonAfterHours", request.AbandonAfterHours);
        if (request.LowConfidenceThreshold is { } threshold && (threshold is < 0 or > 1 || !IsWholeHundredths(threshold)))
        {
            errors["lowConfidenceThreshold"] =
                [$"lowConfidenceThreshold must be from 0 to 1 in steps of 0.01 (e.g. 0.7); got {Show(threshold)}."];
        }

        if (request.FallbackIntents is { } intents && FallbackIntentsProblem(intents) is { } intentsError)
        {
            errors["fallbackIntents"] = [intentsError];
        }

        if (request.Currency is { } currency && CurrencyProblem(currency) is { } currencyError)
        {
            errors["currency"] = [currencyError];
        }

        Money(errors, "agentCostPerHour", request.AgentCostPerHour);
        Money(errors, "costPerHumanConversation", request.CostPerHumanConversation);
        Money(errors, "monthlyBudget", request.MonthlyBudget);
    }

    /// <summary><paramref name="stored"/> with the fields <paramref name="request"/> sets (it has been validated).</summary>
    public static TenantAnalyticsSettings Apply(TenantEndpoints.UpdateTenantRequest request, TenantAnalyticsSettings stored) => new(
        request.ReopenWindowHours is { } reopen ? (int)reopen : stored.ReopenWindowHours,
        request.AbandonAfterHours is { } abandon ? (int)abandon : stored.AbandonAfterHours,
        // 0.7 sent as 0.70000000001 is stored as the step it means.
        request.LowConfidenceThreshold is { } threshold ? Math.Round(threshold, 2) : stored.LowConfidenceThreshold,
        request.FallbackIntents is { } intents ? [.. intents.Select(intent => intent!)] : stored.FallbackIntents,
        request.Currency ?? stored.Currency,
        request.HasAgentCostPerHour ? request.AgentCostPerHour : stored.AgentCostPerHour,
        request.HasCostPerHumanConversation ? request.CostPerHumanConversation : stored.CostPerHumanConversation,
        request.HasMonthlyBudget ? request.MonthlyBudget : stored.MonthlyBudget);

    private static void Hours(Dictionary<string, string[]> errors, string field, double? hours)
    {
        if (hours is { } value && (value is not (>= 1 and <= MaxHours) || value != Math.Floor(value)))
        {
            errors[field] = [$"{field} must be a whole number of hours from 1 to {Show(MaxHours)}; got {Show(value)}."];
        }
    }

    private static void Money(Dictionary<string, string[]> errors, string field, decimal? amount)
    {
        if (amount is not { } value)
        {
            return;
        }

        if (value is < 0 or > MaxMoney)
        {
            errors[field] = [$"{field} must be null or from 0 to {MaxMoney.ToString("N0", CultureInfo.InvariantCulture)}; got {Show(value)}."];
        }
        else if (decimal.Round(value, MoneyDecimals) != value)
        {
            errors[field] = [$"{field} may have at most {MoneyDecimals} decimals; got {Show(value)}."];
        }
    }

    private static string? FallbackIntentsProblem(IReadOnlyList<string?> intents)
    {
        if (intents.Count > MaxFallbackIntents)
        {
            return $"fallbackIntents may hold at most {MaxFallbackIntents} intent names; got {intents.Count}.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < intents.Count; i++)
        {
            var intent = intents[i];
            if (string.IsNullOrWhiteSpace(intent) || intent.Length > MaxIntentNameLength)
            {
                return $"fallbackIntents[{i}] must be an intent name of 1 to {MaxIntentNameLength} characters, not blank.";
            }

            if (!seen.Add(intent))
            {
                return $"fallbackIntents holds '{ClientText.Escape(intent)}' more than once; name each intent once.";
            }
        }

        return null;
    }

    private static string? CurrencyProblem(string currency)
    {
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            return $"currency must be an ISO 4217 code of three letters, e.g. 'USD' or 'EUR'; got '{ClientText.Escape(currency)}'.";
        }

        if (!currency.All(char.IsAsciiLetterUpper))
        {
            return $"currency must be in uppercase: '{currency.ToUpperInvariant()}', not '{currency}'.";
        }

        return IsoCurrencies.IsKnown(currency) ? null : $"currency '{currency}' is not a known ISO 4217 currency code (e.g. 'USD', 'EUR', 'INR').";
    }

    /// <summary>Whether <paramref name="value"/> is a whole number of hundredths, as near as a double holds one.</summary>
    private static bool IsWholeHundredths(double value) => Math.Abs((value * 100) - Math.Round(value * 100)) < 1e-9;

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
