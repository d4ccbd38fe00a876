namespace ContactOS.Simulation.Traffic;

/// <summary>Checks shared by the batch and live options; each failure names the option.</summary>
internal static class OptionChecks
{
    public static void RequireTenants(IReadOnlyList<string> tenantIds, string name)
    {
        if (tenantIds.Count == 0 || tenantIds.Any(string.IsNullOrWhiteSpace) || tenantIds.Distinct(StringComparer.Ordinal).Count() != tenantIds.Count)
        {
            throw new ArgumentException($"{name} must hold at least one tenant id, each non-blank and distinct.", name);
        }
    }

    public static void RequireAgents(int agentsPerTenant, string name)
    {
        if (agentsPerTenant is < 1 or > TenantProfile.MaxAgents)
        {
            throw new ArgumentException($"{name} must be between 1 and {TenantProfile.MaxAgents}.", name);
        }
    }

    public static void RequireShare(double value, string name)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new ArgumentException($"{name} must be between 0 and 1.", name);
        }
    }

    public static void RequireModels(IReadOnlyDictionary<string, TenantModel>? models, IReadOnlyList<string> tenantIds, string name)
    {
        if (models is null)
        {
            return;
        }

        if (models.Count != tenantIds.Count || tenantIds.Any(id => !models.ContainsKey(id)))
        {
            throw new ArgumentException($"{name} must hold one model for each tenant id, and no other.", name);
        }

        foreach (var (tenantId, model) in models)
        {
            model.Validate($"{name}[{tenantId}]");
        }
    }
}
