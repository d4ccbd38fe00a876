namespace ContactOS.Silo.Hosting;

/// <summary>Tags that select which health checks an endpoint runs.</summary>
internal static class HealthTags
{
    /// <summary>Checks that must pass before the silo takes traffic: the silo runs and the database answers.</summary>
    public const string Ready = "ready";
}
