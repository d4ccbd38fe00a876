using ContactOS.Analytics.Sentiment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactOS.Analytics.Tests.Sentiment;

public sealed class SentimentOptionsValidationTests
{
    [Fact]
    public async Task Host_start_fails_when_llm_is_chosen_without_base_url_or_model()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSentimentScoring(Section(("Scorer", "llm")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Sentiment:Llm:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Sentiment:Llm:Model is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zz-models.internal:8080/v1")]
    [InlineData("ftp://zz-models.internal/v1")]
    [InlineData("/zz-models/v1")]
    [InlineData("http://zz-models.internal:8080/v1?key=secret")]
    public void A_base_url_that_is_not_an_absolute_http_url_is_rejected_without_echoing_it(string baseUrl)
    {
        var error = Resolve(("Scorer", "llm"), ("Llm:BaseUrl", baseUrl), ("Llm:Model", "m"));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Sentiment:Llm:BaseUrl must be an absolute http or https URL", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("zz-models", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public void A_timeout_that_is_not_positive_or_too_long_is_rejected(string timeout)
    {
        var error = Resolve(("Scorer", "llm"), ("Llm:BaseUrl", "http://127.0.0.1:8080/v1"), ("Llm:Model", "m"), ("Llm:Timeout", timeout));

        Assert.StartsWith("Sentiment:Llm:Timeout must be", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scorer_is_rejected_with_the_allowed_values()
    {
        var error = Resolve(("Scorer", "gpt"));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Sentiment:Scorer is 'gpt'", failure, StringComparison.Ordinal);
        Assert.Contains("'builtin'", failure, StringComparison.Ordinal);
        Assert.Contains("'llm'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_key_never_appears_in_a_validation_message()
    {
        var error = Resolve(("Scorer", "llm"), ("Llm:ApiKey", "sk-very-secret"), ("Llm:Timeout", "00:00:00"));

        Assert.Equal(3, error.Failures.Count());
        Assert.DoesNotContain(error.Failures, f => f.Contains("sk-very-secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("builtin")]
    [InlineData("BuiltIn")]
    public void The_builtin_scorer_needs_no_llm_settings(string scorer)
    {
        using var services = new ServiceCollection().AddSentimentScoring(Section(("Scorer", scorer))).BuildServiceProvider();
        Assert.IsType<LexiconSentimentScorer>(services.GetRequiredService<ISentimentScorer>());
    }

    [Theory]
    [InlineData("Llm:BatchSize", "0", "Sentiment:Llm:BatchSize must be from 1 to 100")]
    [InlineData("Llm:BatchSize", "101", "Sentiment:Llm:BatchSize must be from 1 to 100")]
    [InlineData("Llm:BreakDuration", "00:00:00.100", "Sentiment:Llm:BreakDuration must be from 00:00:01 to 01:00:00")]
    [InlineData("Llm:BreakDuration", "02:00:00", "Sentiment:Llm:BreakDuration must be from 00:00:01 to 01:00:00")]
    public void A_batch_size_or_break_duration_out_of_range_is_rejected(string key, string value, string expected)
    {
        var error = Resolve(("Scorer", "llm"), ("Llm:BaseUrl", "http://127.0.0.1:8080/v1"), ("Llm:Model", "m"), (key, value));

        Assert.StartsWith(expected, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_llm_configuration_resolves_the_llm_scorer_with_the_default_timeout()
    {
        using var services = new ServiceCollection()
            .AddSentimentScoring(Section(("Scorer", "LLM"), ("Llm:BaseUrl", "https://models.example/v1/"), ("Llm:Model", "m")))
            .BuildServiceProvider();

        Assert.IsType<OpenAiCompatibleSentimentScorer>(services.GetRequiredService<ISentimentScorer>());
        Assert.Equal(TimeSpan.FromSeconds(2), services.GetRequiredService<IOptions<SentimentOptions>>().Value.Llm.Timeout);
    }

    private static OptionsValidationException Resolve(params (string Key, string Value)[] settings)
    {
        using var services = new ServiceCollection().AddSentimentScoring(Section(settings)).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ISentimentScorer>());
    }

    private static IConfiguration Section(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
