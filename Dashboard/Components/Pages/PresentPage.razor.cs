using Dashboard.Components.Charts;
using Dashboard.Rooms;
using Dashboard.Security;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Pages;

/// <summary>
/// The class view for a projector: one room's class balance and its cards in large type, live, with no controls.
/// It watches the room through the same subscription as the dashboard page but never enters it, so it is no
/// member, holds no seat and sends no command.
/// </summary>
public partial class PresentPage
{
    private IRoom? _room;
    private string? _notFound;
    private IDisposable? _subscription;
    private RedrawThrottle? _redraw;

    [Parameter]
    public string Code { get; set; } = "";

    [Inject]
    private RoomRegistry Rooms { get; set; } = default!;

    [Inject]
    private RoomNotifier Notifier { get; set; } = default!;

    [Inject]
    private ClientLimits ClientLimits { get; set; } = default!;

    [Inject]
    private CircuitClient Client { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_room is not null && _room.Code == Core.Rooms.RoomCode.Normalize(Code)) return;
        Dispose();
        (_room, _notFound) = await RoomLookup.FindAsync(Rooms, ClientLimits, Client.Address, Code);
        if (_room is null) return;
        // A burst of events (four results) costs one render, as on the dashboard page.
        var redraw = _redraw = new RedrawThrottle(TimeSpan.FromMilliseconds(150), TimeProvider.System, () => InvokeAsync(StateHasChanged));
        _subscription = Notifier.Subscribe(_room.Code, roomEvent =>
        {
            _ = InvokeAsync(() => redraw.RequestAsync(urgent: roomEvent.CompletesWait));
            return Task.CompletedTask;
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _redraw?.Dispose();
    }
}
