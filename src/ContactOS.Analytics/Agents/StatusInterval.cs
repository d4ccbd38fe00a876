namespace ContactOS.Analytics.Agents;

/// <summary>A stretch of time an agent spent in one status: [<paramref name="From"/>, <paramref name="To"/>).</summary>
[GenerateSerializer, Immutable, Alias("contactos.status-interval")]
public sealed record StatusInterval(string Status, DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Duration => To - From;
}
