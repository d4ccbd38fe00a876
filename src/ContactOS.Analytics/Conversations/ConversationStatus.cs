namespace ContactOS.Analytics.Conversations;

public enum ConversationStatus
{
    Active,
    Pending,
    Resolved,
    Closed,
}
