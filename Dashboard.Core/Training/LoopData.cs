using Dashboard.Core.Data;

namespace Dashboard.Core.Training;

/// <summary>
/// The featurized rows of one run: what the algorithms learn from and what they are scored on. For a numeric
/// target (regression) the target values come too, and the relevance that says which test values are rare;
/// the labels then mark rare (1) and common (0) values.
/// </summary>
public sealed record LoopData(FeatureMatrix Train, IReadOnlyList<int> TrainLabels, FeatureMatrix Test, IReadOnlyList<int> TestLabels, double FeaturizeSeconds)
{
    public IReadOnlyList<double>? TrainTargets { get; init; }

    public IReadOnlyList<double>? TestTargets { get; init; }

    public RelevanceFunction? Relevance { get; init; }

    /// <summary>The regression part of a run's data for a split: its test targets and relevance (nothing for classification).</summary>
    public LoopData ForRegression(FeaturizedSplit split, IReadOnlyList<double>? trainTargets) =>
        split.Data.Regression is { } regression
            ? this with { TrainTargets = trainTargets, TestTargets = split.TestTargets, Relevance = regression.Relevance }
            : this;
}
