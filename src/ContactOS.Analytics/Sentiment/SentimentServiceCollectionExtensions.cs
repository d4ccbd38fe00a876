using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactOS.Analytics.Sentiment;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISentimentScorer"/> as configured in <paramref name="sentimentSection"/> (the
    /// <c>Sentiment</c> section): the built-in <see cref="LexiconSentimentScorer"/> by default, or
    /// <see cref="OpenAiCompatibleSentimentScorer"/> when <c>Scorer</c> is <c>llm</c>. The lexicon scorer is also
    /// registered as itself (the LLM scorer falls back to it). Bad settings fail host start-up with a message naming
    /// the setting. Replaces any earlier <see cref="ISentimentScorer"/> registration.
    /// </summary>
    public static IServiceCollection AddSentimentScoring(this IServiceCollection services, IConfiguration sentimentSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sentimentSection);

        services.AddLogging();
        services.AddOptions<SentimentOptions>().Bind(sentimentSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentimentOptions>, SentimentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LexiconSentimentScorer>();
        services.AddHttpClient(OpenAiCompatibleSentimentScorer.HttpClientName);
        services.TryAddSingleton<OpenAiCompatibleSentimentScorer>();

        services.RemoveAll<ISentimentScorer>();
        services.AddSingleton<ISentimentScorer>(provider =>
            provider.GetRequiredService<IOptions<SentimentOptions>>().Value.UsesLlm
                ? provider.GetRequiredService<OpenAiCompatibleSentimentScorer>()
                : provider.GetRequiredService<LexiconSentimentScorer>());
        return services;
    }
}
