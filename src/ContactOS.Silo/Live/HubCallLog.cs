using ContactOS.Silo.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace ContactOS.Silo.Live;

/// <summary>
/// The one log line of a hub call that did not succeed. A call refused for what the client sent (a
/// <see cref="HubException"/>) is the client's doing: one information line, the client's text escaped. Any other failure
/// is ours: an error with its exception. SignalR's dispatcher would log both as errors with a stack trace; its log is
/// therefore turned off (<see cref="LiveServiceCollectionExtensions"/>), and this filter speaks instead.
/// </summary>
internal sealed partial class HubCallLog(ILogger<HubCallLog> logger) : IHubFilter
{
    /// <summary>The category of SignalR's hub dispatcher, whose log this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ClientText.Escape(refused.Message));
            throw;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogFailed(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, failure);
            throw;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Hub call {Method} of connection {ConnectionId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string connectionId, string reason);

    [LoggerMessage(2, LogLevel.Error, "Hub call {Method} of connection {ConnectionId} failed")]
    private static partial void LogFailed(ILogger logger, string method, string connectionId, Exception exception);
}
