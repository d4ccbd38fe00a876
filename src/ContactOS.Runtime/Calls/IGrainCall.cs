namespace ContactOS.Runtime.Calls;

/// <summary>A unit of work an activation schedules as one turn: a call, a timer tick or a reminder delivery.</summary>
internal interface IGrainCall
{
    GrainMethod Method { get; }

    GrainId Target { get; }

    /// <summary>Whether the turn counts as activity for idle collection.</summary>
    bool CountsAsActivity { get; }

    /// <summary>True once the caller has its answer (or gave up on it, for example after a timeout).</summary>
    bool IsAnswered { get; }

    Task Start(object grain);

    void Complete(Task grainTask);

    void Fail(Exception exception);
}
