using System.ClientModel.Primitives;

namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>Removes the <c>Authorization</c> header the chat client always adds, for endpoints configured without an API key.</summary>
internal sealed class WithoutAuthorizationPolicy : PipelinePolicy
{
    public static WithoutAuthorizationPolicy Instance { get; } = new();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Remove("Authorization");
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Remove("Authorization");
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
