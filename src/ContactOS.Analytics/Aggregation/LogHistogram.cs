using System.Numerics;

namespace ContactOS.Analytics.Aggregation;

/// <summary>
/// Durations in log-scale bins of relative width 2 %: bin i holds (γ^(i-1), γ^i] milliseconds, γ = 1.01/0.99, and reads
/// as 2γ^i/(γ+1), within 1 % of everything it holds; durations under 1 ms have a bin of their own that reads 0.
/// Histograms add up exactly, so a percentile over any number of buckets is within 1 % of the exact nearest-rank value,
/// while the count and the sum (hence the mean) stay exact.
/// </summary>
public sealed class LogHistogram
{
    /// <summary>The bin of durations under 1 ms.</summary>
    public const int ZeroBin = -1;

    /// <summary>The relative error bound of a percentile.</summary>
    public const double RelativeAccuracy = 0.01;

    private static readonly double s_gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double s_logGamma = Math.Log(s_gamma);

    private long[] _bins = [];
    private int _offset;

    public long Zero { get; private set; }

    public long Count { get; private set; }

    /// <summary>The exact sum of the durations, in milliseconds.</summary>
    public long SumMillis { get; private set; }

    public static int BinOf(long millis) => millis < 1 ? ZeroBin : (int)Math.Ceiling(Math.Log(millis) / s_logGamma);

    /// <summary>What a bin reads as, in milliseconds.</summary>
    public static double ValueOf(int bin) => bin == ZeroBin ? 0 : 2 * Math.Pow(s_gamma, bin) / (s_gamma + 1);

    public void AddToBin(int bin, long count)
    {
        if (bin == ZeroBin)
        {
            Zero += count;
        }
        else
        {
            Ensure(bin, bin);
            _bins[bin - _offset] += count;
        }

        Count += count;
    }

    public void AddToSum(long millis) => SumMillis += millis;

    public void Add(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._bins.Length > 0)
        {
            Ensure(other._offset, other._offset + other._bins.Length - 1);
            AddTo(_bins.AsSpan(other._offset - _offset, other._bins.Length), other._bins);
        }

        Zero += other.Zero;
        Count += other.Count;
        SumMillis += other.SumMillis;
    }

    /// <summary>The nearest-rank <paramref name="percent"/>-th percentile in milliseconds (within 1 %); null when empty.</summary>
    public double? Percentile(int percent)
    {
        if (Count <= 0)
        {
            return null;
        }

        // Rank ⌈p·n/100⌉, at least 1.
        var rank = Math.Max(1, ((percent * Count) + 99) / 100);
        var seen = Zero;
        if (seen >= rank)
        {
            return 0;
        }

        for (var i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return ValueOf(_offset + i);
            }
        }

        // Counts that went negative mid-update cannot reach the rank; the highest bin is the best answer.
        return _bins.Length == 0 ? 0 : ValueOf(_offset + _bins.Length - 1);
    }

    public double? MeanMillis => Count <= 0 ? null : (double)SumMillis / Count;

    public bool IsEmpty => Count == 0 && SumMillis == 0 && Zero == 0 && Array.TrueForAll(_bins, b => b == 0);

    public HistogramState ToState(Metric metric, string? label) => new(metric, label, _offset, [.. _bins], Zero, Count, SumMillis);

    public static LogHistogram FromState(HistogramState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new LogHistogram { _offset = state.Offset, _bins = [.. state.Bins], Zero = state.Zero, Count = state.Count, SumMillis = state.SumMillis };
    }

    // A period's histogram is the sum of many buckets' (one per day of a 90-day period, per agent or tool): vector adds.
    private static void AddTo(Span<long> target, ReadOnlySpan<long> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<long>.Count; i += Vector<long>.Count)
            {
                (new Vector<long>(target[i..]) + new Vector<long>(source[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private void Ensure(int low, int high)
    {
        if (_bins.Length == 0)
        {
            _offset = low;
            _bins = new long[high - low + 1];
            return;
        }

        var currentHigh = _offset + _bins.Length - 1;
        if (low >= _offset && high <= currentHigh)
        {
            return;
        }

        var newLow = Math.Min(low, _offset);
        var newHigh = Math.Max(high, currentHigh);
        var grown = new long[newHigh - newLow + 1];
        Array.Copy(_bins, 0, grown, _offset - newLow, _bins.Length);
        _bins = grown;
        _offset = newLow;
    }
}
