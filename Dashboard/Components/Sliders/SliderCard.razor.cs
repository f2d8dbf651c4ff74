using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Sliders;

public partial class SliderCard
{
    [Parameter, EditorRequired]
    public SliderState Slider { get; set; } = default!;

    [Parameter, EditorRequired]
    public SliderReadout Readout { get; set; } = default!;

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

    [Parameter]
    public EventCallback OnRemove { get; set; }

    private double SliderPercent => Math.Round((Slider.TargetShare ?? Readout.CurrentShare) * 100, 1);

    private Task OnSliderReleased(double percent) => OnShareChanged.InvokeAsync(Math.Round(percent / 100, 4));
}
