namespace ContactOS.Runtime.Calls;

/// <summary>Scheduling properties of a grain interface method, read from its attributes.</summary>
[Flags]
public enum GrainMethodFlags
{
    None = 0,
    AlwaysInterleave = 1,
    ReadOnly = 2,

    /// <summary><see cref="LongPollAttribute"/>: sent to another silo on its own, never in a batch.</summary>
    LongPoll = 4,
}
