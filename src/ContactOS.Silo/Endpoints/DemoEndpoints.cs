using ContactOS.Silo.Auth;
using ContactOS.Silo.Demo;
using ContactOS.Storage.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactOS.Silo.Endpoints;

internal static class DemoEndpoints
{
    /// <summary>
    /// <c>GET /api/v2/auth/demo-tenants</c> (anonymous): the demo tenants the sign-in screen offers. Mapped only in demo
    /// mode, like the dev token; otherwise the route does not exist (404) and the sign-in screen hides the list.
    /// </summary>
    public static IEndpointRouteBuilder MapDemoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (DemoMode.IsOn(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            endpoints.MapGet("/api/v2/auth/demo-tenants", ListAsync).AllowAnonymous().WithTags(ApiTags.Auth)
                .WithSummary("Demo mode only: the demo tenants the sign-in screen offers");
        }

        return endpoints;
    }

    private static async Task<Ok<DemoTenantsResponse>> ListAsync(ITenantDirectory directory, CancellationToken cancellationToken)
    {
        var tenants = new List<DemoTenantItem>(DemoTenants.All.Count);
        foreach (var tenant in DemoTenants.All)
        {
            // The stored name and language once there are (an admin may have changed them); the demo's until the silo stored them.
            var settings = await directory.GetAsync(tenant.TenantId, cancellationToken);
            tenants.Add(settings.CreatedAt is null
                ? new DemoTenantItem(tenant.TenantId, tenant.DisplayName, tenant.Language)
                : new DemoTenantItem(tenant.TenantId, settings.DisplayName, settings.Language));
        }

        return TypedResults.Ok(new DemoTenantsResponse(tenants));
    }

    internal sealed record DemoTenantsResponse(IReadOnlyList<DemoTenantItem> Tenants);

    /// <param name="Language">The tenant's default language, so the sign-in screen can greet in it.</param>
    internal sealed record DemoTenantItem(string TenantId, string DisplayName, string Language);
}
