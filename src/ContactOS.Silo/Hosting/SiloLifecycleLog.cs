using System.Reflection;
using ContactOS.Storage.Health;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ContactOS.Silo.Hosting;

/// <summary>
/// The lines an operator looks for: where the data lives and which silo this is (before anything touches the
/// database), the addresses it listens on (once the server has bound them, so a port 0 shows the real port), and
/// that it stopped.
/// </summary>
internal sealed partial class SiloLifecycleLog(
    IServiceProvider services,
    IServer server,
    IOptions<SiloOptions> siloOptions,
    IOptions<SiloHostOptions> hostOptions,
    ProcessRole role,
    IOptions<EndpointOptions> endpoints,
    IOptions<SiloMessagingOptions> messaging,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<SiloLifecycleLog> logger) : IHostedLifecycleService
{
    private string SiloName => role.HostsSilo ? siloOptions.Value.SiloName : hostOptions.Value.Name ?? Environment.MachineName;

    /// <summary>The Orleans package version (the assembly version says only the major version).</summary>
    private static string OrleansVersion =>
        typeof(SiloOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', ' ')[0].TrimEnd('.') ?? "?";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger, SiloName, environment.EnvironmentName, services.DescribeStorage());
        ListenAddressCheck.ThrowIfInUse(configuration["urls"]);
        ListenAddressCheck.ThrowIfSiloPortsInUse(hostOptions.Value, role);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (role.HostsSilo)
        {
            LogStarted(logger, SiloName, RoleName, OrleansVersion, endpoints.Value.SiloPort, endpoints.Value.GatewayPort, messaging.Value.ResponseTimeout);
        }
        else
        {
            LogFrontStarted(logger, SiloName, OrleansVersion, hostOptions.Value.ResponseTimeout);
        }

        LogListening(logger, SiloName, string.Join(", ", addresses));
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger, SiloName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(logger, SiloName);
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "Starting ContactOS silo {SiloName} ({Environment}); data: {Database}")]
    private static partial void LogStarting(ILogger logger, string siloName, string environment, string database);

    [LoggerMessage(2, LogLevel.Information, "ContactOS silo {SiloName} listening on {Addresses} (readiness: /health/ready); press Ctrl+C to stop")]
    private static partial void LogListening(ILogger logger, string siloName, string addresses);

    [LoggerMessage(5, LogLevel.Information, "ContactOS silo {SiloName} started ({Role}) on Orleans {OrleansVersion}: silo port {SiloPort}, gateway port {GatewayPort}, response timeout {ResponseTimeout}")]
    private static partial void LogStarted(ILogger logger, string siloName, string role, string orleansVersion, int siloPort, int gatewayPort, TimeSpan responseTimeout);

    [LoggerMessage(6, LogLevel.Information, "ContactOS silo {SiloName} started (front) on Orleans {OrleansVersion}: an Orleans client of the cluster, holding no grains, response timeout {ResponseTimeout}")]
    private static partial void LogFrontStarted(ILogger logger, string siloName, string orleansVersion, TimeSpan responseTimeout);

    private string RoleName => role.Role.ToString().ToLowerInvariant();

    [LoggerMessage(3, LogLevel.Information, "ContactOS silo {SiloName} stopping: its grains store their snapshots")]
    private static partial void LogStopping(ILogger logger, string siloName);

    [LoggerMessage(4, LogLevel.Information, "ContactOS silo {SiloName} stopped")]
    private static partial void LogStopped(ILogger logger, string siloName);
}
