namespace ContactOS.Analytics.Agents;

/// <summary>The statuses whose time the agent figures count, and their codes in the counters' values.</summary>
public static class AgentStatuses
{
    public const string Online = "online";
    public const string Busy = "busy";
    public const string Offline = "offline";

    public const long OnlineCode = 0;
    public const long BusyCode = 1;

    /// <summary>The code of a counted status (online, busy); null for offline, whose time no figure reads.</summary>
    public static long? CodeOf(string status) => status switch
    {
        Online => OnlineCode,
        Busy => BusyCode,
        _ => null,
    };
}
