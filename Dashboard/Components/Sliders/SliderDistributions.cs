using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Sliders;

/// <summary>The before/after distributions of a slider's column (the target's, for the class slider), split by class.</summary>
public static class SliderDistributions
{
    public static (Distribution Before, Distribution? After, Distribution? Synthetic) For(SliderState slider, FeaturizedSplit split, ResampledTrainingSet? resampled)
    {
        var data = split.Data;
        var column = data.Data.Column(slider.Column ?? data.TargetColumn);
        var before = DatasetProfiler.Distribution(column, split.Split.TrainRows, data.Labels);
        if (resampled is null) return (before, null, null);
        var after = DatasetProfiler.Distribution(column, resampled.OriginalRows, data.Labels, binEdges: before.BinEdges.Count > 0 ? before.BinEdges : null);
        var synthetic = resampled.Synthetic.RowCount == 0
            ? null
            : DatasetProfiler.Distribution(resampled.Synthetic.Column(column.Name), labelsByRow: resampled.SyntheticLabels,
                binEdges: before.BinEdges.Count > 0 ? before.BinEdges : null);
        return (before, after, synthetic);
    }
}
