using System.Text;
using Microsoft.Extensions.Options;

namespace ContactOS.Silo.Auth;

/// <summary>Fails start-up naming the <c>Auth:Jwt</c> setting to fix; the signing key itself is never echoed.</summary>
internal sealed class JwtOptionsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    private const string Section = JwtOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{Section}:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Section}:Audience must not be empty.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:ClockSkew is {options.ClockSkew}; it must be between 00:00:00 and 00:10:00.");
        }

        var role = configuration["Cluster:Role"];
        var clusterMember = role is not null && !string.Equals(role, "both", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(options.SigningKey) && clusterMember)
        {
            failures.Add(
                $"{Section}:SigningKey is required on a '{role}' of a cluster, demo mode or not: every front must accept the " +
                "tokens any front issued, so all processes need the same secret of at least " +
                $"{JwtOptions.MinimumSigningKeyBytes} bytes (e.g. the output of 'openssl rand -base64 48').");
        }
        else if (string.IsNullOrEmpty(options.SigningKey))
        {
            if (!DemoMode.IsOn(configuration, environment))
            {
                failures.Add(
                    $"{Section}:SigningKey is required: a secret of at least {JwtOptions.MinimumSigningKeyBytes} bytes " +
                    "(e.g. the output of 'openssl rand -base64 48') that signs and validates the bearer tokens. Only " +
                    $"demo mode ({DemoMode.EnabledKey}=true or the Development environment) generates one at start-up.");
            }
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumSigningKeyBytes)
        {
            failures.Add(
                $"{Section}:SigningKey is too short: HMAC-SHA256 needs at least {JwtOptions.MinimumSigningKeyBytes} bytes " +
                "(e.g. the output of 'openssl rand -base64 48').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
