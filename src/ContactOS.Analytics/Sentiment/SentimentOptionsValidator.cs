using Microsoft.Extensions.Options;

namespace ContactOS.Analytics.Sentiment;

/// <summary>
/// Fails start-up with messages that name the setting and what is allowed. The API key is never echoed, and
/// neither is the base URL, which may carry credentials.
/// </summary>
internal sealed class SentimentOptionsValidator : IValidateOptions<SentimentOptions>
{
    private const string Section = SentimentOptions.SectionName;

    // The scorer sits on the ingestion path; a minute is already far more than a message should wait.
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMinutes(1);

    // Polly's circuit breaker takes at least half a second and at most a day.
    private static readonly TimeSpan s_minBreak = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBreak = TimeSpan.FromHours(1);

    // A request's prompt and answer grow with it; a hundred short messages is already a long prompt for a small model.
    private const int MaxBatchSize = 100;

    public ValidateOptionsResult Validate(string? name, SentimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UsesBuiltin)
        {
            return ValidateOptionsResult.Success;
        }

        if (!options.UsesLlm)
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:Scorer is '{options.Scorer}', which is not a supported sentiment scorer. Allowed values: " +
                $"'{SentimentOptions.BuiltinScorer}' (the default: English and Spanish lexicon, no network) or " +
                $"'{SentimentOptions.LlmScorer}' (an OpenAI-compatible chat endpoint configured under {Section}:Llm).");
        }

        var failures = ValidateLlm(options.Llm ?? new SentimentLlmOptions());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> ValidateLlm(SentimentLlmOptions llm)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(llm.BaseUrl))
        {
            failures.Add(
                $"{Section}:Llm:BaseUrl is required when {Section}:Scorer is '{SentimentOptions.LlmScorer}', for example " +
                "'http://127.0.0.1:8080/v1' (the scorer posts to {BaseUrl}/chat/completions).");
        }
        else if (!TryGetEndpoint(llm.BaseUrl, out _))
        {
            failures.Add(
                $"{Section}:Llm:BaseUrl must be an absolute http or https URL such as 'http://127.0.0.1:8080/v1', " +
                "without a query string.");
        }

        if (string.IsNullOrWhiteSpace(llm.Model))
        {
            failures.Add(
                $"{Section}:Llm:Model is required when {Section}:Scorer is '{SentimentOptions.LlmScorer}': the name of " +
                "a model the endpoint serves, for example 'qwen2.5-1.5b-instruct'.");
        }

        if (llm.Timeout <= TimeSpan.Zero || llm.Timeout > s_maxTimeout)
        {
            failures.Add(
                $"{Section}:Llm:Timeout must be more than 00:00:00 and at most {s_maxTimeout:c} " +
                $"(default {SentimentLlmOptions.DefaultTimeout:c}); it is {llm.Timeout:c}.");
        }

        if (llm.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add(
                $"{Section}:Llm:BatchSize must be from 1 to {MaxBatchSize} messages per request " +
                $"(default {SentimentLlmOptions.DefaultBatchSize}); it is {llm.BatchSize}.");
        }

        if (llm.BreakDuration < s_minBreak || llm.BreakDuration > s_maxBreak)
        {
            failures.Add(
                $"{Section}:Llm:BreakDuration must be from {s_minBreak:c} to {s_maxBreak:c} " +
                $"(default {SentimentLlmOptions.DefaultBreakDuration:c}); it is {llm.BreakDuration:c}.");
        }

        return failures;
    }

    /// <summary>The API root for a base URL (chat completions are at <c>{root}/chat/completions</c>), if the base URL is usable.</summary>
    public static bool TryGetEndpoint(string? baseUrl, out Uri endpoint)
    {
        endpoint = null!;
        if (!Uri.TryCreate(baseUrl?.Trim(), UriKind.Absolute, out var root)
            || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps)
            || root.Query.Length > 0
            || root.Fragment.Length > 0)
        {
            return false;
        }

        endpoint = new Uri(root.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        return true;
    }
}
