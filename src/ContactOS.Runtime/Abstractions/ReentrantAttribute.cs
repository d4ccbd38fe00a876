namespace ContactOS.Runtime;

/// <summary>
/// Lets calls to this grain class interleave at await points. Execution stays single-threaded: only one
/// turn runs at a time, but a new call may start while another awaits.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
