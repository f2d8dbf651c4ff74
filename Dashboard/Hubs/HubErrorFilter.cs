using Dashboard.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Hubs;

/// <summary>
/// Every hub call that fails for a reason of the server's own answers one sentence, and its details
/// go to the log: no exception text (a null reference, a parameter name) ever reaches a client.
/// </summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (exception is not (HubException or OperationCanceledException))
        {
            logger.LogError(exception, "Hub call {Method} failed", invocationContext.HubMethodName);
            throw new HubException(RoomRunner.UnexpectedError);
        }
    }
}
