using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Components.Panels;

/// <summary>
/// Blazor's file input, which says when it can take a file. The input is on the page one round trip before Blazor's
/// script attaches its change handler (that call is made only once the browser has acknowledged the render), and a
/// file chosen in between is dropped without a word; Chromium does not even fire a change for the same file chosen
/// again. <see cref="OnWired"/> is raised once that script call has finished.
/// </summary>
public sealed class WiredInputFile : InputFile
{
    [Parameter]
    public EventCallback OnWired { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender); // the first time: Blazor.InputFile.init, the change handler, awaited
        if (firstRender) await OnWired.InvokeAsync();
    }
}
