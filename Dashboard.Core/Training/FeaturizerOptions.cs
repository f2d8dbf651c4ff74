namespace Dashboard.Core.Training;

/// <summary>How the featurizer encodes columns.</summary>
/// <param name="MinCategoryRows">Categories with fewer training rows than this (and categories never seen in training) share one "(other)" slot.</param>
public sealed record FeaturizerOptions(int MinCategoryRows = 5)
{
    public static FeaturizerOptions Default { get; } = new();
}
