using System.Net;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Telemetry;

/// <summary>Fails start-up naming each allowed network that is not an address or a CIDR range.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var networks = options.Metrics?.AllowedNetworks ?? [];
        var failures = new List<string>();
        for (var i = 0; i < networks.Count; i++)
        {
            if (!TryParseNetwork(networks[i], out _))
            {
                failures.Add(
                    $"{TelemetryOptions.SectionName}:Metrics:AllowedNetworks:{i} is '{networks[i]}', which is neither an IP " +
                    "address nor a network in CIDR notation such as '10.0.0.0/8' or 'fd00::/8'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A CIDR range, or one address as a range of one.</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        var trimmed = text?.Trim();
        if (IPNetwork.TryParse(trimmed, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(trimmed, out var address))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        return false;
    }
}
