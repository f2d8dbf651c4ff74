using Dashboard.Core.Data;

namespace Dashboard.Core.Training;

/// <summary>
/// A labeled data set with its fixed split, featurized once: the featurizer is fitted on the
/// training rows and every real row is transformed a single time. A slider move then only gathers
/// kept rows and featurizes its synthetic rows; the data set is never featurized again on the hot path.
/// </summary>
public sealed class FeaturizedSplit
{
    private FeaturizedSplit(LabeledDataset data, DataSplit split, Featurizer featurizer, FeatureMatrix allRows)
    {
        Data = data;
        Split = split;
        Featurizer = featurizer;
        AllRows = allRows;
        Test = allRows.SelectRows(split.TestRows);
        TestLabels = split.TestRows.Select(r => data.Labels[r]).ToArray();
        TestTargets = data.Regression is { } regression ? split.TestRows.Select(r => regression.Values[r]).ToArray() : null;
    }

    public LabeledDataset Data { get; }

    public DataSplit Split { get; }

    public Featurizer Featurizer { get; }

    /// <summary>Every row of <see cref="LabeledDataset.Data"/>, featurized.</summary>
    public FeatureMatrix AllRows { get; }

    /// <summary>The test rows, featurized: identical for every slider position.</summary>
    public FeatureMatrix Test { get; }

    public IReadOnlyList<int> TestLabels { get; }

    /// <summary>For a numeric target (regression), the test rows' target values; null for classification.</summary>
    public IReadOnlyList<double>? TestTargets { get; }

    /// <summary>For a numeric target, the target values of training rows: the real rows' own, then the synthetic rows' (their target column); null for classification.</summary>
    public double[]? TrainingTargets(IReadOnlyList<int> originalRows, Dataset? synthetic = null)
    {
        if (Data.Regression is not { } regression) return null;
        var values = originalRows.Select(r => regression.Values[r]);
        return (synthetic is { RowCount: > 0 } ? values.Concat(((NumericColumn)synthetic.Column(Data.TargetColumn)).Values.ToArray()) : values).ToArray();
    }

    public static FeaturizedSplit Create(LabeledDataset data, DataSplit split, FeaturizerOptions? options = null)
    {
        var featurizer = Featurizer.Fit(data, split.TrainRows, options);
        return new FeaturizedSplit(data, split, featurizer, featurizer.Transform(data.Data));
    }

    /// <summary>The training matrix for kept real rows (indices into the data, repeats allowed) followed by synthetic rows.</summary>
    public FeatureMatrix TrainingMatrix(IReadOnlyList<int> originalRows, Dataset? synthetic = null)
    {
        var real = AllRows.SelectRows(originalRows);
        return synthetic is null || synthetic.RowCount == 0 ? real : real.Append(Featurizer.Transform(synthetic));
    }
}
