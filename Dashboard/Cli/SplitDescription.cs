using System.Text.Json.Serialization;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>The data set, target and split a verb worked on, as its JSON output names them.</summary>
/// <param name="TrainingRows">Rows of the split's training part, before any resampling.</param>
/// <param name="Warnings">What loading and labeling noticed (e.g. rows dropped for a missing target).</param>
internal sealed record SplitDescription(
    string Name,
    string Target,
    string PositiveClass,
    string NegativeClass,
    int Seed,
    double TestSize,
    int TrainingRows,
    int TestRows,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Classification or regression.</summary>
    public TargetTask Task { get; init; }

    /// <summary>For regression, which target values are rare (the relevance function in words).</summary>
    public string? Relevance { get; init; }

    /// <summary>"titanic.csv: predicting 'survived' (positive class 'yes')", the first line of a verb's table.</summary>
    [JsonIgnore]
    public string Headline => Task == TargetTask.Regression
        ? $"{Name}: predicting '{Target}' as a number (regression; rare values: {Relevance})"
        : $"{Name}: predicting '{Target}' (positive class '{PositiveClass}')";

    public static SplitDescription Of(LabeledDataset data, DataSplit split) =>
        new(data.Data.Name, data.TargetColumn, data.PositiveClass, data.NegativeClass, split.Seed, split.TestShare,
            split.TrainRows.Count, split.TestRows.Count, data.Warnings)
        {
            Task = data.Task,
            Relevance = data.Regression?.Relevance is { } relevance ? $"relevance ≥ {relevance.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {relevance.Describe()}" : null,
        };
}
