namespace ContactOS.Analytics.Conversations;

[GenerateSerializer, Alias("contactos.conversation-status")]
public enum ConversationStatus
{
    Active,
    Pending,
    Resolved,
    Closed,
}
