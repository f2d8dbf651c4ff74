using Dashboard.Core.Data;
using Dashboard.Core.Rooms;

namespace Dashboard.Components.Sliders;

/// <summary>
/// A slider card's track: a feature slider (or the free class control) runs over its focus group's
/// share, 1–95 %; the class-balance track runs from −100 % (the majority undersampled until 50/50)
/// through 0 (the data as it is) to +100 % (the minority SMOTEd until 50/50). The thumb's percent / 100
/// is what the card sends: a share, or the balance position.
/// </summary>
/// <param name="Min">The left end, in percent.</param>
/// <param name="Max">The right end, in percent.</param>
/// <param name="Value">Where the slider stands (a share, or the balance position), as a fraction.</param>
/// <param name="Neutral">Where neutral is on the track, as a fraction: the data's own share, or 0.</param>
public sealed record SliderTrack(double Min, double Max, double Step, double Value, double Neutral, string Caption, string NeutralTitle, string AriaLabel)
{
    /// <param name="task">For a numeric target the track moves the rare values (common values undersampled, SMOTER rows added).</param>
    public static SliderTrack For(SliderState slider, SliderReadout readout, TargetTask task = TargetTask.Classification) => slider.Balance is { } position
        ? task == TargetTask.Regression
            ? new SliderTrack(-100, 100, 5, position, 0,
                $"← undersample the common values ({readout.MajorityName}) · add SMOTER rows to the rare values ({readout.GroupName}) → · now {ClassBalanceReadout.Position(position)} of the way to 50/50",
                "neutral: the target's values as in the data",
                "rare target values, percent of the way to 50/50: negative undersamples the common values, positive adds synthetic rare-value rows")
            : new SliderTrack(-100, 100, 5, position, 0,
            $"← undersample the majority ({readout.MajorityName}) · SMOTE the minority ({readout.GroupName}) → · now {ClassBalanceReadout.Position(position)} of the way to 50/50",
            "neutral: the classes as in the data",
            "class balance, percent of the way to 50/50: negative undersamples the majority, positive adds synthetic minority rows")
        : new SliderTrack(1, 95, 0.5, slider.TargetShare ?? readout.CurrentShare, readout.NeutralShare,
            $"← undersample · neutral {SliderReadout.Percent(readout.NeutralShare)} · SMOTE →",
            $"neutral: {SliderReadout.Percent(readout.NeutralShare)}, as in the data",
            $"{slider.Label} share of training rows, percent");
}
