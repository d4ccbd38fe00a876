using ContactOS.Analytics.Events;

namespace ContactOS.Simulation.Oracle;

/// <summary>An event kept after de-duplication, with its position in arrival order (the tie-break for equal timestamps).</summary>
internal readonly record struct ArrivedEvent(ContactEvent Event, long Arrival);
