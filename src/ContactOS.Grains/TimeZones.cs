using System.Collections.Concurrent;

namespace ContactOS.Grains;

/// <summary>Time zones by IANA id, looked up once (the lookup reads the system's zone data).</summary>
internal static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> s_zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string id) => s_zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
