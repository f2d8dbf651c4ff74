using Dashboard.Components.Cards;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Components.Pages;

/// <summary>
/// The dashboard: one room's data, sliders, algorithm cards and comparison, live. Opened at "/" it
/// makes a room of its own for this tab (closed with the tab); at "/room/{code}" it shows a shared room.
/// </summary>
public partial class DashboardPage
{
    private readonly Dictionary<string, double> _thresholds = [];
    private readonly string _memberId = "you";
    private RoomRunner? _room;
    private bool _ownsRoom;
    private IDisposable? _subscription;
    private string? _notFound;
    private RedrawGate? _redraw;

    [Parameter]
    public string? Code { get; set; }

    [Inject]
    private RoomRegistry Rooms { get; set; } = default!;

    [Inject]
    private RoomNotifier Notifier { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (_room is not null && (Code is null || _room.Code == RoomCode.Normalize(Code))) return;
        _subscription?.Dispose();
        _room = Code is null ? Rooms.Create() : Rooms.Find(Code);
        _ownsRoom = Code is null;
        if (_room is null)
        {
            _notFound = $"There is no open room with the code '{Code}'. Check the code, or open the dashboard's home page to start your own.";
            return;
        }
        _redraw = new RedrawGate(() => InvokeAsync(StateHasChanged), TimeSpan.FromMilliseconds(150));
        // Never await the redraw inside the notifier: it would hold up every other listener.
        var redraw = _redraw;
        _subscription = Notifier.Subscribe(_room.Code, roomEvent =>
        {
            _ = redraw.RequestAsync();
            return Task.CompletedTask;
        });
    }

    private double ThresholdOf(string algorithmId) => _thresholds.GetValueOrDefault(algorithmId, 0.5);

    private void SetThreshold(string algorithmId, double threshold) => _thresholds[algorithmId] = threshold;

    private Task MoveSliderAsync(string sliderId, double? share) => ExecuteAsync(new MoveSlider(_memberId, sliderId, share));

    private Task AddSliderAsync(string column) => ExecuteAsync(new AddSlider(_memberId, column));

    private Task SelectDatasetAsync(DatasetChoice choice) => ExecuteAsync(new SelectDataset(_memberId, choice));

    private Task SetLeakyAsync(bool leaky) => ExecuteAsync(new SetLeakyMode(_memberId, leaky));

    private Task SetAlgorithmAsync(AlgorithmSettingsChange change) =>
        ExecuteAsync(new SetAlgorithm(_memberId, change.AlgorithmId, change.Hyperparameters, change.ClassWeight));

    /// <summary>Sends a command to the room; a refusal is shown as a message, the page carries on.</summary>
    private async Task ExecuteAsync(RoomCommand command)
    {
        if (_room is null) return;
        var refusal = await _room.ExecuteAsync(command);
        if (refusal is not null) Snackbar.Add(refusal, Severity.Warning);
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_ownsRoom && _room is not null) await Rooms.CloseAsync(_room.Code);
    }
}
