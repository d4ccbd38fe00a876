using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ContactOS.Silo.Tests.Hosting;

namespace ContactOS.Silo.Tests.Ingestion;

/// <summary>
/// A model server on 127.0.0.1 that has stopped answering: it takes each chat-completions request, records how many
/// messages its user prompt lists, and never answers until disposed.
/// </summary>
internal sealed class HangingModel : LoopbackListener
{
    private readonly ConcurrentBag<HttpListenerContext> _held = [];

    public HangingModel() => Serve();

    /// <summary>To configure as <c>Sentiment:Llm:BaseUrl</c>.</summary>
    public string BaseUrl => Root + "v1";

    /// <summary>Per request received, the number of messages it asked to score.</summary>
    public ConcurrentQueue<int> Requests { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        foreach (var context in _held)
        {
            context.Response.Abort();
        }

        await base.DisposeAsync();
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        var prompt = body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        Requests.Enqueue(prompt.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        _held.Add(context);
    }
}
