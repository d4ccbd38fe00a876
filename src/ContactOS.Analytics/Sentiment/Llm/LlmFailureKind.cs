namespace ContactOS.Analytics.Sentiment.Llm;

/// <summary>Why the LLM did not give scores; each kind is logged as a warning the first time it happens.</summary>
internal enum LlmFailureKind
{
    Timeout = 0,
    Unreachable = 1,
    HttpStatus = 2,
    MalformedResponse = 3,
    NoScore = 4,
    CircuitOpen = 5,
}
