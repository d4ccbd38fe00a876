using ContactOS.Analytics.Agents;
using ContactOS.Analytics.Periods;

namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// Counters by local weekday × local hour (docs/analytics.md, "The heatmap"): 168 cells, Monday 00:00 first, each hour bucket
/// in the cell of its local start. Conversations started, and all agents' online and busy time in ticks.
/// </summary>
[GenerateSerializer, Alias("contactos.week-hour-totals")]
public sealed record WeekHourTotals(long[] Conversations, long[] OnlineTicks, long[] BusyTicks)
{
    public const int Cells = 7 * 24;

    public static WeekHourTotals Empty() => new(new long[Cells], new long[Cells], new long[Cells]);

    /// <summary>The cell of the local hour that starts at <paramref name="hourTicks"/> (UTC ticks).</summary>
    public static int CellOf(long hourTicks, TimeZoneInfo zone)
    {
        var local = TenantCalendar.ToLocal(new DateTimeOffset(hourTicks, TimeSpan.Zero), zone);
        return (((int)local.DayOfWeek + 6) % 7 * 24) + local.Hour;
    }

    /// <summary>Adds status time to a cell: the status code (<see cref="AgentStatuses.CodeOf"/>) and the ticks.</summary>
    public void AddStatus(int cell, long code, long ticks)
    {
        var target = code == AgentStatuses.BusyCode ? BusyTicks : code == AgentStatuses.OnlineCode ? OnlineTicks : null;
        if (target is not null)
        {
            target[cell] += ticks;
        }
    }
}
