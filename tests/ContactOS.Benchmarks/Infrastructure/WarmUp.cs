namespace ContactOS.Benchmarks.Infrastructure;

/// <summary>
/// How many events each fresh silo takes before a suite starts its clock (<c>--warm N</c>). .NET compiles a method
/// quickly first and again, optimised, once it is hot (tiered compilation with dynamic PGO): a silo that has been
/// running for a while has done that, while a fresh one spends up to a third of its CPU on it during its first few
/// hundred thousand events. The suites' defaults are what that takes on the 2-core development machine.
/// </summary>
internal static class WarmUp
{
    public static int Events(string[] args, int byDefault) => CommandLine.Number(args, "--warm") ?? byDefault;
}
