using System.Net;
using System.Text.Json;
using ContactOS.Runtime.Activation;
using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Remote;

/// <summary>
/// The silo's internal endpoint: HTTP/2 without TLS on the port of <c>Cluster:Address</c>, where other silos send
/// batches of grain calls (<see cref="RemoteProtocol"/>). It is a start-up task that runs before the silo joins the
/// membership, so no silo learns this address before it answers. It serves only grain calls: keep the port on the
/// cluster's private network.
/// </summary>
internal sealed partial class SiloTransportServer(
    GrainRuntime runtime, IPlacementDirector placement, IClusterView view, MembershipAgent agent, IOptions<ClusterOptions> options,
    ILogger<SiloTransportServer> logger) : ISiloStartupTask, IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await agent.EnsureAddressFreeAsync(cancellationToken).ConfigureAwait(false);
        var (host, port) = ClusterAddress.Parse(options.Value.Address!);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Http2(ListenOptions listen) => listen.Protocols = HttpProtocols.Http2;
            if (IPAddress.TryParse(host, out var ip))
            {
                kestrel.Listen(ip, port, Http2);
            }
            else
            {
                kestrel.ListenAnyIP(port, Http2);
            }

            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 256;
        });
        var app = builder.Build();
        var clusterKey = RemoteProtocol.ClusterKey(options.Value.Secret!);
        app.MapPost(RemoteProtocol.CallsPath, context =>
        {
            if (!RemoteProtocol.IsValidKey(context.Request.Headers[RemoteProtocol.ClusterKeyHeader], clusterKey))
            {
                LogRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "(unknown)");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            return HandleAsync(context);
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ClusterConfigurationException(
                $"Cluster:Address '{options.Value.Address}': this silo cannot listen on port {port} for calls from other silos " +
                $"({exception.Message}). Another process (or silo) uses the port: give this silo a Cluster:Address with a free port.");
        }

        _app = app;
        LogListening(logger, options.Value.Address!);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // A caller with a newer view of the membership than this silo's: catch up before deciding who owns what.
        if (long.TryParse(context.Request.Headers[RemoteProtocol.MembershipVersionHeader], out var callerVersion)
            && callerVersion > view.Current.Version)
        {
            await agent.RefreshAsync(context.RequestAborted).ConfigureAwait(false);
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var calls = document.RootElement.GetProperty("calls");
        var outcomes = new Task<byte[]>?[calls.GetArrayLength()];
        var errors = new Exception?[outcomes.Length];
        var moved = new bool[outcomes.Length];
        var i = 0;
        foreach (var call in calls.EnumerateArray())
        {
            var index = i++;
            try
            {
                var grainId = new GrainId(call.GetProperty("t").GetString()!, call.GetProperty("k").GetString()!);
                var methodId = call.GetProperty("m").GetString()!;
                if (view.IsEvicted || runtime.IsStopping || !placement.IsLocal(grainId))
                {
                    moved[index] = true;
                    continue;
                }

                var method = RemoteMethods.Find(methodId)
                    ?? throw new InvalidOperationException($"Unknown grain method '{methodId}': the silos run different builds.");
                outcomes[index] = method.InvokeAsync(runtime, grainId, call.GetProperty("a"));
            }
            catch (Exception exception)
            {
                errors[index] = exception;
            }
        }

        for (var j = 0; j < outcomes.Length; j++)
        {
            if (outcomes[j] is { } outcome)
            {
                try
                {
                    await outcome.ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    errors[j] = exception is SiloUnavailableException ? null : exception;
                    moved[j] = exception is SiloUnavailableException;
                    outcomes[j] = null;
                }
            }
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteNumber("v", view.Current.Version);
        writer.WriteStartArray("results");
        for (var j = 0; j < outcomes.Length; j++)
        {
            writer.WriteStartObject();
            if (outcomes[j] is { } done)
            {
                writer.WritePropertyName("ok");
                writer.WriteRawValue(done.Result, skipInputValidation: true);
            }
            else if (moved[j])
            {
                writer.WriteBoolean("moved", true);
            }
            else
            {
                var error = errors[j]!;
                writer.WriteStartObject("error");
                writer.WriteString("type", error.GetType().FullName);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(2, LogLevel.Warning, "Refused a call batch from {Remote}: it did not carry this cluster's key (Cluster:Secret differs)")]
    private static partial void LogRefused(ILogger logger, string remote);

    [LoggerMessage(1, LogLevel.Information, "Listening for calls from other silos on {Address} (HTTP/2)")]
    private static partial void LogListening(ILogger logger, string address);
}

/// <summary>Reads <c>Cluster:Address</c> (<c>host:port</c>).</summary>
internal static class ClusterAddress
{
    public static (string Host, int Port) Parse(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new ClusterConfigurationException($"Cluster:Address '{address}' must be host:port, for example 10.0.0.5:11111.");
        }

        return (address[..colon].Trim('[', ']'), port);
    }
}
