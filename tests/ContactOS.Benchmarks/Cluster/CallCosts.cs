namespace ContactOS.Benchmarks.Cluster;

/// <summary>Microseconds per grain call: to the caller's silo, to another silo one at a time, and with many in flight.</summary>
internal sealed record CallCosts(double Local, double Remote, double RemoteConcurrent);
