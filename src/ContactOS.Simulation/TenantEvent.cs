using ContactOS.Analytics.Events;

namespace ContactOS.Simulation;

/// <summary>An event as a tenant sends it: the tenant comes from the request, not from the event body.</summary>
public sealed record TenantEvent(string TenantId, ContactEvent Event);
