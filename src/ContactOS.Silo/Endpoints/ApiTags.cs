namespace ContactOS.Silo.Endpoints;

/// <summary>The areas the API reference groups operations by.</summary>
internal static class ApiTags
{
    public const string Events = "Events";
    public const string Analytics = "Analytics";
    public const string Agents = "Agents";
    public const string Live = "Live";
    public const string Tenant = "Tenant";
    public const string ApiKeys = "API keys";
    public const string Auth = "Auth";
    public const string Health = "Health";
}
