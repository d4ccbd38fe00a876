using ContactOS.Analytics.Conversations;

namespace ContactOS.Grains.Conversations;

/// <summary>One conversation of a tenant; key "tenant/conversationId".</summary>
[Alias("contactos.conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds durable events and returns what they change in the tenant's counters. A fresh activation knows nothing
    /// of the events routed before the batch: it then applies nothing and asks for its history
    /// (<see cref="ConversationUpdate.NeedsHistory"/>), which the caller reads from the log and hands to
    /// <see cref="ApplyWithHistory"/>. Events it holds already are ignored, so a batch sent again changes nothing.
    /// </summary>
    [Alias("apply")]
    Task<ConversationUpdate> Apply(ConversationBatch batch);

    /// <summary>Loads the conversation's events from before the batch, then applies the batch as <see cref="Apply"/>.</summary>
    [Alias("apply-with-history")]
    Task<ConversationUpdate> ApplyWithHistory(TimelineEntry[] history, ConversationBatch batch);
}
