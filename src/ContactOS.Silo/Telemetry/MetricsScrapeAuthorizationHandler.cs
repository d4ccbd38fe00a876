using System.Net;
using ContactOS.Silo.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Telemetry;

/// <summary>
/// Grants <see cref="MetricsScrapeRequirement"/> to a principal with the operator role and a tenant (as the Orleans
/// Dashboard, which also shows the whole cluster), or to a connection from an allowed network. Otherwise the caller
/// gets 401 without credentials and 403 with credentials that lack the role.
/// </summary>
internal sealed class MetricsScrapeAuthorizationHandler : AuthorizationHandler<MetricsScrapeRequirement>
{
    private readonly IPNetwork[] _allowed;

    public MetricsScrapeAuthorizationHandler(IOptions<TelemetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // TelemetryOptionsValidator has stopped start-up already if any of them is not a network.
        var allowed = new List<IPNetwork>();
        foreach (var text in options.Value.Metrics?.AllowedNetworks ?? [])
        {
            if (TelemetryOptionsValidator.TryParseNetwork(text, out var network))
            {
                allowed.Add(network);
            }
        }

        _allowed = [.. allowed];
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((context.User.IsInRole(AuthRoles.Operator) && TenantClaimsPrincipalExtensions.FindTenantId(context.User) is not null) ||
            (context.Resource is HttpContext { Connection.RemoteIpAddress: { } remote } && IsAllowed(remote)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsAllowed(IPAddress remote)
    {
        // A dual-stack listener reports IPv4 callers as ::ffff:a.b.c.d.
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        foreach (var network in _allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
