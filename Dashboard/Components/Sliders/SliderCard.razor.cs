using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Sliders;

public partial class SliderCard : IDisposable, IHandleEvent
{
    [Parameter, EditorRequired]
    public SliderState Slider { get; set; } = default!;

    [Parameter, EditorRequired]
    public SliderReadout Readout { get; set; } = default!;

    /// <summary>The readout's blanks line (<see cref="SliderBlanks"/>); null when the group's training rows have none.</summary>
    [Parameter]
    public string? Blanks { get; set; }

    [Parameter, EditorRequired]
    public LabeledDataset Data { get; set; } = default!;

    /// <summary>The focus column's distribution over the split's training rows (null for no chart).</summary>
    [Parameter]
    public Distribution? Before { get; set; }

    /// <summary>The same over the real rows kept by the last run.</summary>
    [Parameter]
    public Distribution? After { get; set; }

    /// <summary>The same over the synthetic rows of the last run.</summary>
    [Parameter]
    public Distribution? Synthetic { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised once when the slider is released (null: reset to neutral), as a share between 0 and 1.</summary>
    [Parameter]
    public EventCallback<double?> OnShareChanged { get; set; }

    [Parameter]
    public EventCallback<ConfigureSlider> OnConfigure { get; set; }

    /// <summary>The training rows, for the rare-values slider's relevance threshold (null: not offered).</summary>
    [Parameter]
    public IReadOnlyList<int>? TrainRows { get; set; }

    [Parameter]
    public EventCallback<double> OnSetRelevanceThreshold { get; set; }

    [Parameter]
    public EventCallback OnRemove { get; set; }

    /// <summary>How long the keys must rest before a keyboard gesture commits: five arrow presses are one move, one run.</summary>
    public static readonly TimeSpan KeyboardPause = TimeSpan.FromMilliseconds(700);

    private bool _keyboard;
    private double? _pending;
    private double? _dragging;
    private CancellationTokenSource? _pause;

    /// <summary>The track's scale: a share in percent, or the class-balance position from −100 % to +100 %.</summary>
    private SliderTrack Track => SliderTrack.For(Slider, Readout, Data.Task);

    /// <summary>The card's title: the column, or the target's slider ("Class balance", or for a numeric target its rare values).</summary>
    private string Title => !Slider.IsClassSlider ? Slider.Label
        : Data.Task == TargetTask.Regression ? $"Rare {Data.TargetColumn} values" : "Class balance";

    private double SliderPercent => Math.Round((_pending ?? Track.Value) * 100, 1);

    /// <summary>Where the thumb is while a move is under way (dragged, or keys not yet rested); null when nothing moves.</summary>
    private double? MovingTo => _dragging ?? _pending;

    /// <summary>The value the thumb shows (a share, or the balance position): the move under way, else the slider's own.</summary>
    private double ShownShare => MovingTo ?? Track.Value;

    /// <summary>
    /// The neutral tick under the thumb's centre at the data's own share. Medium MudSlider thumbs take 4 px of the
    /// track's width (drawn scaled up), so the centre runs from 2 px to the width less 2 px.
    /// </summary>
    private string NeutralTickStyle => string.Create(CultureInfo.InvariantCulture,
        $"left: calc(2px + (100% - 4px) * {Math.Clamp((Track.Neutral * 100 - Track.Min) / (Track.Max - Track.Min), 0, 1):0.####})");

    // How a gesture began (keys or pointer) decides how it commits; nothing on the card changes, so no render.
    private void OnKeyDown()
    {
        _keyboard = true;
        _noRender = true;
    }

    private void OnPointerDown()
    {
        _keyboard = false;
        _noRender = true;
    }

    /// <summary>The thumb moved (a drag, or a key): the readout follows; nothing is sent to the room.</summary>
    private void OnDragging(ChangeEventArgs args)
    {
        if (double.TryParse(args.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            _dragging = Math.Round(percent / 100, 4);
        }
    }

    /// <summary>
    /// A pointer release commits at once; a key press waits for the keys to rest (or for focus to
    /// leave), so a gesture of several presses starts one run and stores one result.
    /// </summary>
    private async Task OnSliderReleased(double percent)
    {
        var share = Math.Round(percent / 100, 4);
        _dragging = null;
        if (!_keyboard)
        {
            _noRender = true; // the page draws the card, with or just after the results
            await OnShareChanged.InvokeAsync(share);
            return;
        }
        _pending = share;
        _pause?.Cancel();
        _pause?.Dispose();
        _pause = new CancellationTokenSource();
        try
        {
            await Task.Delay(KeyboardPause, _pause.Token);
        }
        catch (OperationCanceledException)
        {
            return; // another press came: it commits instead
        }
        await CommitPendingAsync();
    }

    private async Task CommitPendingAsync()
    {
        _dragging = null; // a drag that ended where it began sends no change
        if (_pending is not { } share) return;
        _pending = null;
        _pause?.Cancel();
        await OnShareChanged.InvokeAsync(share);
    }

    // Set by a handler whose event needs no render of this card: a key or pointer going down changes nothing shown, and
    // at a pointer release the card's own render would reach the browser just ahead of the move's results and cost it a
    // layout of the whole page before it takes them in (the thumb is where the pointer left it meanwhile; only the drag
    // preview stays a moment longer). Every render is some seventy components sent to the browser.
    private bool _noRender;

    /// <summary>As Blazor's default (a render when the handler first waits and when it ends), unless the handler said no.</summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? argument)
    {
        _noRender = false;
        var handling = callback.InvokeAsync(argument);
        if (!handling.IsCompleted && !_noRender) StateHasChanged();
        await handling;
        if (!_noRender) StateHasChanged();
    }

    public void Dispose()
    {
        _pause?.Cancel();
        _pause?.Dispose();
    }
}
