using ContactOS.Analytics.Events;

namespace ContactOS.Analytics.Ingestion;

/// <summary>
/// A request body split into the events that passed validation and the items that did not, each with its
/// position in the batch. A bad item never blocks the good ones.
/// </summary>
public sealed record EventBatch(IReadOnlyList<AcceptedEvent> Accepted, IReadOnlyList<RejectedEvent> Rejected)
{
    /// <summary>Number of items in the body, good and bad.</summary>
    public int Count => Accepted.Count + Rejected.Count;
}
