namespace ContactOS.Analytics.Periods;

/// <summary>
/// One calendar day of a tenant's time zone as the half-open interval of instants <c>[Start, End)</c>. It lasts 23
/// or 25 hours on days the clocks change.
/// </summary>
public sealed record LocalDay(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The local day that contains <paramref name="now"/>.</summary>
    public static LocalDay Today(DateTimeOffset now, TimeZoneInfo zone) => Of(TenantCalendar.LocalDate(now, zone), zone);

    /// <summary>The local day before the one that contains <paramref name="now"/>.</summary>
    public static LocalDay Yesterday(DateTimeOffset now, TimeZoneInfo zone) =>
        Of(TenantCalendar.LocalDate(now, zone).AddDays(-1), zone);

    public static LocalDay Of(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new LocalDay(date, TenantCalendar.StartOfDay(date, zone), TenantCalendar.StartOfDay(date.AddDays(1), zone));
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
