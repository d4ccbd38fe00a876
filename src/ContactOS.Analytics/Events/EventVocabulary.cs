namespace ContactOS.Analytics.Events;

/// <summary>The closed sets of values some event fields take.</summary>
public static class EventVocabulary
{
    public static IReadOnlyList<string> Roles { get; } = ["customer", "ai", "agent"];

    public static IReadOnlyList<string> HandoffReasons { get; } = ["complex_request", "billing", "complaint", "loop_guard", "other"];

    public static IReadOnlyList<string> ResolvedBy { get; } = ["ai", "human"];

    public static IReadOnlyList<string> AgentStatuses { get; } = ["online", "busy", "offline"];
}
