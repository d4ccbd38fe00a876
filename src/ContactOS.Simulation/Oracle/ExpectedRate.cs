namespace ContactOS.Simulation.Oracle;

/// <summary>A rate with what it is made of: <see cref="Count"/> of <see cref="Of"/>; <see cref="Value"/> is 0 when <see cref="Of"/> is 0.</summary>
public sealed record ExpectedRate(long Count, long Of, double Value)
{
    public static ExpectedRate Fraction(long count, long of) => new(count, of, of == 0 ? 0 : (double)count / of);
}
