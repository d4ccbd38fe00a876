namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>What the silo answered to a set of batches: events newly stored, events it had already, items rejected.</summary>
internal readonly record struct PostTotals(long Accepted, long Duplicates, long Rejected)
{
    public static PostTotals Zero => default;

    public static PostTotals operator +(PostTotals a, PostTotals b) =>
        new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);
}
