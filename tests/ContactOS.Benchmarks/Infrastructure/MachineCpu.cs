using System.Globalization;

namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// The whole machine's CPU time, read from Linux's <c>/proc/stat</c>: busy time (everything but idle and I/O wait,
/// including time the hypervisor gave to other virtual machines) and capacity (every core's wall time). Between two
/// readings, busy time minus the measured processes' own CPU time is what other processes took: on a shared machine, the
/// part of the cores a run did not have. Null where there is no <c>/proc/stat</c>.
/// </summary>
internal readonly record struct MachineCpu(TimeSpan Busy, TimeSpan Capacity)
{
    // USER_HZ: the unit of /proc/stat, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static MachineCpu? Read()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is counted in user already.
        var line = File.ReadLines(path).First();
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return new MachineCpu(TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    /// <summary>
    /// The share of the machine's capacity between <paramref name="start"/> and <paramref name="end"/> that processes
    /// other than the measured ones used, given those processes' own CPU time over the same interval (0 to 1).
    /// </summary>
    public static double? OthersShare(MachineCpu? start, MachineCpu? end, TimeSpan measured)
    {
        if (start is not { } from || end is not { } to || to.Capacity <= from.Capacity)
        {
            return null;
        }

        var others = (to.Busy - from.Busy - measured) / (to.Capacity - from.Capacity);
        return Math.Clamp(others, 0, 1);
    }
}
