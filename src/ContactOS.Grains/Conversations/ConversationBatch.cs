using ContactOS.Analytics.Conversations;

namespace ContactOS.Grains.Conversations;

/// <summary>
/// A conversation's events of one routed batch, the tenant's time zone (which places them in local-hour buckets) and
/// the log position where the batch starts: a fresh activation knows the events before it only from the log.
/// <see cref="Epoch"/> names the pipeline activation that sent it: a conversation that last heard from another one
/// (the pipeline restarted, moved or gave up a batch half way) cannot know what the tenant's grains hold of it, so it
/// starts again from the log.
/// </summary>
[GenerateSerializer, Immutable, Alias("contactos.conversation-batch")]
public sealed record ConversationBatch(TimelineEntry[] Entries, string TimeZoneId, long BatchStart, long Epoch);
