namespace Dashboard.Core.Training;

/// <summary>The featurized rows of one run: what the algorithms learn from and what they are scored on.</summary>
public sealed record LoopData(FeatureMatrix Train, IReadOnlyList<int> TrainLabels, FeatureMatrix Test, IReadOnlyList<int> TestLabels, double FeaturizeSeconds);
