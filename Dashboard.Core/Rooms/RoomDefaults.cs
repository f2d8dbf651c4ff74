using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Resampling;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>How a room starts: the four default algorithms, the class slider and sliders for the top columns.</summary>
public static class RoomDefaults
{
    public const int FeatureSliders = 3;
    /// <summary>The class slider's id; feature sliders are "feature:" + column, so no column name can collide with it.</summary>
    public const string ClassSliderId = "class";

    public const string FeatureSliderPrefix = "feature:";

    public static IReadOnlyList<AlgorithmSeat> Algorithms() =>
        AlgorithmCatalog.Defaults.Select(a => new AlgorithmSeat(a.Id, HyperparameterValues.Defaults, ClassWeighting.None)).ToArray();

    /// <summary>The class-balance slider (its track toward 50/50, on the minority class) first, then one per top-ranked column.</summary>
    public static IReadOnlyList<SliderState> Sliders(FeaturizedSplit split, IReadOnlyList<ColumnImportance> ranking)
    {
        var sliders = new List<SliderState> { ClassSlider(split) };
        foreach (var column in ranking.Take(FeatureSliders))
        {
            sliders.Add(FeatureSlider(split, column.Column));
        }
        return sliders;
    }

    /// <summary>The class slider with textbook semantics, at neutral: the split's minority class toward balance.</summary>
    public static SliderState ClassSlider(FeaturizedSplit split) =>
        SliderState.BalanceTrack(ClassSliderId, ClassGroup.Minority(split.Data, split.Split.TrainRows));

    /// <summary>A slider for a feature column: its rarest category, or its top quartile.</summary>
    public static SliderState FeatureSlider(FeaturizedSplit split, string column)
    {
        var train = split.Split.TrainRows;
        FocusGroup group = split.Data.Data.Column(column).Kind == ColumnKind.Categorical
            ? CategoryGroup.Rarest(split.Data, column, train)
            : NumericRangeGroup.TopQuartile(split.Data, column, train);
        return new SliderState(FeatureSliderPrefix + column, group);
    }
}
