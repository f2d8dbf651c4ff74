using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Components.Panels;

public partial class RoomBar
{
    private string? _joinCode;

    [Parameter, EditorRequired]
    public RoomState State { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<ActivityEntry> Activity { get; set; } = [];

    [Parameter, EditorRequired]
    public string MemberId { get; set; } = "";

    [Parameter]
    public string Name { get; set; } = "";

    [Parameter]
    public EventCallback<string> OnRename { get; set; }

    [Parameter]
    public EventCallback<bool> OnHostOnly { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsHost => State.Member(MemberId)?.IsHost == true;

    private async Task CopyLinkAsync()
    {
        var link = Navigation.ToAbsoluteUri($"/room/{State.Code}").ToString();
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", link);
            Snackbar.Add($"Link copied: {link}", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add($"Share this link: {link}", Severity.Info);
        }
    }

    private void JoinAsync()
    {
        var code = RoomCode.Normalize(_joinCode);
        if (code is null)
        {
            Snackbar.Add("A room code has 6 letters and digits, like K7Q-2MX.", Severity.Warning);
            return;
        }
        Navigation.NavigateTo($"/room/{code}");
    }
}
