using Dashboard.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Hubs;

/// <summary>
/// Every hub call that fails for a reason of the server's own answers one sentence, in the method's
/// own answer shape (a refusal string, or a <see cref="RoomEntry"/> with its error), and the details
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
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Hub call {Method} failed", invocationContext.HubMethodName);
            var returns = invocationContext.HubMethod.ReturnType;
            if (returns == typeof(Task<string?>) || returns == typeof(Task<string>)) return Components.Shared.UserMessage.ServerFault;
            if (returns == typeof(Task<RoomEntry>)) return RoomEntry.Refused(Components.Shared.UserMessage.ServerFault);
            throw new HubException(Components.Shared.UserMessage.ServerFault);
        }
    }
}
