using System.Globalization;
using ContactOS.Analytics.Events;
using ContactOS.Analytics.Ingestion;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Grains.Ingestion;
using ContactOS.Storage.EventLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Benchmarks.Ingest;

/// <summary>
/// A cut-down ingestion endpoint in this process on 127.0.0.1, for finding where the silo's time goes: with no log it
/// only reads the body (the cost of HTTP itself); with a log it does what the silo does up to the durable append
/// (parse, validate, build the log rows, group commit) and stops before the grains. The tenant is the bearer token's
/// text; there is no authentication.
/// </summary>
internal sealed class InProcessIngestHost : IAsyncDisposable
{
    private const string NothingTaken = """{"accepted":0,"duplicates":0,"rejected":[]}""";

    private readonly WebApplication _app;

    private InProcessIngestHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Http { get; }

    public static async Task<InProcessIngestHost> StartAsync(IEventLog? log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/" + EventPoster.Path, (HttpRequest request, CancellationToken cancellationToken) =>
            log is null ? ReadOnlyAsync(request, cancellationToken) : IntoLogAsync(request, log, cancellationToken));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessIngestHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Fake tokens whose text is the tenant id, for bodies sent to this host.</summary>
    public static System.Net.Http.Headers.AuthenticationHeaderValue TokenFor(string tenantId) => new("Bearer", tenantId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> ReadOnlyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        await ReadBodyAsync(request, cancellationToken);
        return Results.Text(NothingTaken, "application/json");
    }

    private static async Task<IResult> IntoLogAsync(HttpRequest request, IEventLog log, CancellationToken cancellationToken)
    {
        var tenantId = request.Headers.Authorization.ToString()["Bearer ".Length..];
        var batch = EventBatchParser.Parse(await ReadBodyAsync(request, cancellationToken));
        var rows = batch.Accepted
            .Select(a => new LogEvent(tenantId, a.Event.Id, RoutingKeys.Of(a.Event), a.Event.Timestamp, ContactEventJson.Serialize(a.Event)))
            .ToList();
        var results = await log.AppendAsync(rows, cancellationToken);
        var duplicates = results.Count(r => r.Duplicate);
        return Results.Text(
            string.Create(CultureInfo.InvariantCulture, $$"""{"accepted":{{rows.Count - duplicates}},"duplicates":{{duplicates}},"rejected":[]}"""),
            "application/json");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 64 * 1024);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
