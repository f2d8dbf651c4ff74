using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop (MudBlazor and Plotly.Blazor call
/// JS we do not assert on). Disposed asynchronously: MudBlazor's popover service can only be.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected ComponentTest()
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context { get; } = new();

    /// <summary>Renders the popover host tooltips and selects need; call before rendering the component.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Context.Render<MudPopoverProvider>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
