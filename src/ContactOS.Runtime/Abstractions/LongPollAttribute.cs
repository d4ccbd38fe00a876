namespace ContactOS.Runtime;

/// <summary>
/// Marks a grain interface method whose calls wait on the grain until something happens (a long poll), for seconds
/// rather than milliseconds. Calls to another silo travel in batches, and a batch is answered once every call in it is
/// done; a long poll therefore travels alone, on an HTTP/2 stream of its own that does not count as a batch in flight,
/// so its wait never holds back other calls to that silo. It changes nothing within a silo.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LongPollAttribute : Attribute;
