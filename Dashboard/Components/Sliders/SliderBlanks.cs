using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Sliders;

/// <summary>
/// The blanks line of a slider's readout: how many training rows of its focus group (the minority on the class-balance
/// track, the rows SMOTE interpolates between) have a blank feature, and what resampling and the models do with one.
/// </summary>
public static class SliderBlanks
{
    /// <summary>Null when no training row of the group has a blank feature.</summary>
    public static string? For(SliderState slider, FeaturizedSplit split)
    {
        var data = split.Data;
        var rows = FocusGroupShare.Members(slider.Group, data, split.Split.TrainRows).ToArray();
        var columns = data.FeatureNames.Select(data.Data.Column).ToArray();
        var blanks = columns.Select(c => (c.Name, Count: rows.Count(c.IsMissing))).Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToArray();
        if (blanks.Length == 0) return null;
        var withBlank = rows.Count(r => columns.Any(c => c.IsMissing(r)));
        var most = string.Join(", ", blanks.Take(3).Select(b => $"{b.Name} {b.Count:N0}"));
        return $"Blanks: {withBlank:N0} of the group's {rows.Length:N0} training rows have one ({most}). SMOTE gives a synthetic row the other parent's " +
               "number where one parent is blank (a blank only if both are) and the neighbours' most common category, blanks not voting; " +
               "undersampling removes rows whatever their blanks; the models read a blank number as the median plus a \"was missing\" flag.";
    }
}
