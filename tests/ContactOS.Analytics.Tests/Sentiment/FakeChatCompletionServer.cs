using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Analytics.Tests.Sentiment;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that speaks just enough of the OpenAI
/// chat-completions API: it records each request and answers as the test says.
/// </summary>
internal sealed class FakeChatCompletionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private FakeChatCompletionServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", HandleAsync);
    }

    /// <summary>The API root to configure as <c>Sentiment:Llm:BaseUrl</c>, ending in <c>/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How to answer; the token fires when the client goes away or the server stops.</summary>
    public Func<HttpContext, CancellationToken, Task> Respond { get; set; } = (context, _) => AnswerAsync(context, "3");

    public static async Task<FakeChatCompletionServer> StartAsync()
    {
        var server = new FakeChatCompletionServer();
        await server._app.StartAsync();

        // Port 0 lets the OS choose; the bound address is known only once the server has started.
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>The numbered lines of the user message of the request being answered: one per message to score.</summary>
    public static int MessagesAsked(HttpContext context) =>
        ((JsonElement)context.Items[nameof(RecordedRequest)]!).GetProperty("messages")[1].GetProperty("content").GetString()!
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Answers 200 with a chat completion whose first choice says <paramref name="content"/>.</summary>
    public static Task AnswerAsync(HttpContext context, string content) =>
        context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        });

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var recorded = new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body.RootElement.Clone());
        context.Items[nameof(RecordedRequest)] = recorded.Body;
        Requests.Enqueue(recorded);

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await Respond(context, aborted.Token);
    }
}
