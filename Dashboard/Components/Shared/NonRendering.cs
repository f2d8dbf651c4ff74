using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// Event handlers that change nothing on screen (they only note how a gesture began) and so must not re-render their
/// component: Blazor renders the component that owns a handler after every event, and a slider card's render is some
/// seventy components sent to the browser ahead of the move's results. The handler's target is this small receiver
/// instead of the component.
/// </summary>
public static class NonRendering
{
    public static Action Handler(Action handler) => new Receiver(handler).Invoke;

    private sealed record Receiver(Action Handler) : IHandleEvent
    {
        public void Invoke() => Handler();

        public Task HandleEventAsync(EventCallbackWorkItem item, object? argument) => item.InvokeAsync(argument);
    }
}
