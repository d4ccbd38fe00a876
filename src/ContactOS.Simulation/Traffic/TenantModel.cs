namespace ContactOS.Simulation.Traffic;

/// <summary>
/// One model of a tenant's traffic that serves both its history and its live stream: the same daily and weekly shape
/// in the tenant's time zone and the same rate, so that live figures continue the history instead of jumping. It also
/// gives the tenant its own agents (names of its locale, ids carrying the tenant id), language mix and intents.
/// </summary>
public sealed record TenantModel
{
    /// <summary>IANA time zone id: nights are quiet and business hours busy in this zone's local time.</summary>
    public required string TimeZone { get; init; }

    /// <summary>
    /// Conversations started on an ordinary weekday; a Saturday or Sunday has <see cref="TrafficShape.WeekendFactor"/>
    /// of that.
    /// </summary>
    public double ConversationsPerWeekday { get; init; } = 500;

    /// <summary>Locale of the agents' names: one of <see cref="AgentNames.Locales"/>.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>Share of conversations in Spanish, the rest in English.</summary>
    public double SpanishShare { get; init; }

    /// <summary>
    /// The tenant's intents, most frequent first (ids of <see cref="IntentIds.All"/>); a random handful when empty.
    /// </summary>
    public IReadOnlyList<string> Intents { get; init; } = [];

    /// <summary>Conversations started per hour at <paramref name="at"/>: the weekday rate spread over the day's shape.</summary>
    public double ConversationsPerHour(DateTimeOffset at) => ConversationsPerWeekday * TrafficShape.ShareOfWeekday(Zone().Local(at));

    internal TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    internal void Validate(string name)
    {
        try
        {
            _ = Zone();
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"{name}: '{TimeZone}' is not a known time zone id.", name, ex);
        }

        if (ConversationsPerWeekday is <= 0 or > 1_000_000 || double.IsNaN(ConversationsPerWeekday))
        {
            throw new ArgumentException($"{name}: ConversationsPerWeekday must be above 0 and at most 1,000,000.", name);
        }

        if (!AgentNames.Locales.Contains(Locale, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{name}: Locale must be one of {string.Join(", ", AgentNames.Locales)}.", name);
        }

        OptionChecks.RequireShare(SpanishShare, name);
        if (Intents.Any(intent => !IntentIds.All.Contains(intent, StringComparer.Ordinal)) || Intents.Distinct(StringComparer.Ordinal).Count() != Intents.Count)
        {
            throw new ArgumentException($"{name}: Intents must be distinct ids of IntentIds.All.", name);
        }
    }
}
