using Dashboard.Core.Rooms;

namespace Dashboard.Components.Sliders;

/// <summary>
/// A slider card's track, in percent: a feature slider (or the free class control) runs over its focus
/// group's share, 1–95 %; the class-balance track runs from −100 % (the majority undersampled until
/// 50/50) through 0 (the data as it is) to +100 % (the minority SMOTEd until 50/50). The value the card
/// sends is the track's percent / 100: a share, or the balance position.
/// </summary>
public sealed record SliderTrack(double Min, double Max, double Step, double Value, string Caption, string AriaLabel)
{
    public static SliderTrack For(SliderState slider, SliderReadout readout) => slider.Balance is { } position
        ? new SliderTrack(-100, 100, 5, position,
            $"← undersample the majority · 0 = as in the data ({SliderReadout.Percent(readout.NeutralShare)} minority) · SMOTE the minority → (both ends: 50/50)",
            "class balance, percent of the way to 50/50: negative undersamples the majority, positive adds synthetic minority rows")
        : new SliderTrack(1, 95, 0.5, slider.TargetShare ?? readout.CurrentShare,
            $"← undersample · neutral {SliderReadout.Percent(readout.NeutralShare)} · SMOTE →",
            $"{slider.Label} share of training rows, percent");
}
