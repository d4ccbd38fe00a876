using System.Globalization;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Membership;

/// <summary>Fails start-up with a message naming the setting when cluster options make no sense.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        if (options.Roles is not (SiloRoles.Front or SiloRoles.Worker or SiloRoles.Both))
        {
            failures.Add($"Cluster:Roles is '{options.Roles}'; allowed values: 'front', 'worker' or 'both' (the default).");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"Cluster:HeartbeatInterval must be positive (got {options.HeartbeatInterval}).");
        }

        if (options.DeathTimeout < 2 * options.HeartbeatInterval)
        {
            failures.Add($"Cluster:DeathTimeout ({options.DeathTimeout}) must be at least twice Cluster:HeartbeatInterval " +
                $"({options.HeartbeatInterval}), or one late heartbeat would get a healthy silo declared dead.");
        }

        if (options.Enabled && !IsHostAndPort(options.Address))
        {
            failures.Add($"Cluster:Address is '{options.Address}' but must be this silo's host:port, unique in the cluster " +
                "(e.g. 10.0.0.5:11111, a port of its own for calls from other silos), when Cluster:Enabled is true.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("Cluster:Secret (by default Auth:Jwt:SigningKey) is not set: silos authenticate their calls to each other " +
                "with it. Set Auth:Jwt:SigningKey, the same on every silo (or Cluster:Secret, likewise), when Cluster:Enabled is true.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHostAndPort(string? address)
    {
        var colon = address?.LastIndexOf(':') ?? -1;
        return colon > 0 &&
               !address![..colon].Any(char.IsWhiteSpace) &&
               int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) &&
               port is > 0 and <= 65535;
    }
}
