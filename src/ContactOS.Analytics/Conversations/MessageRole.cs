namespace ContactOS.Analytics.Conversations;

/// <summary>Who wrote a message.</summary>
[GenerateSerializer, Alias("contactos.message-role")]
public enum MessageRole : byte
{
    Customer,
    Ai,
    Agent,
}
