using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>
/// A data set with its target chosen: rows with a missing target are dropped, the task is known, and the
/// feature columns are known. For classification the target is binary (positive class vs the rest,
/// one-vs-rest when it has more than two classes). For regression the target's values are in
/// <see cref="Regression"/>, and <see cref="Labels"/> marks its rare values (1) against the common ones (0),
/// so that the split, the focus groups and the resampling engine treat the rare values as the minority.
/// </summary>
public sealed class LabeledDataset
{
    /// <summary>The most classes a target may have; a numeric target with more distinct values is predicted as a number.</summary>
    public const int MaxTargetClasses = 50;

    /// <summary>The labels of rare and common target values of a regression target.</summary>
    public const string RareValues = "rare values";

    public const string CommonValues = "common values";

    private LabeledDataset(Dataset data, string targetColumn, string positiveClass, string negativeClass,
        int[] labels, IReadOnlyList<string> targetClasses, IReadOnlyList<string> featureNames,
        IReadOnlyList<string> excludedColumns, IReadOnlyList<string> warnings, TaskDecision task, RegressionTarget? regression)
    {
        Task = task.Task;
        TaskReason = task.Reason;
        Regression = regression;
        Data = data;
        TargetColumn = targetColumn;
        PositiveClass = positiveClass;
        NegativeClass = negativeClass;
        Labels = labels;
        TargetClasses = targetClasses;
        FeatureNames = featureNames;
        ExcludedColumns = excludedColumns;
        Warnings = warnings;
        PositiveCount = labels.Count(l => l == 1);
    }

    /// <summary>The rows used: the loaded data set less the rows whose target is missing.</summary>
    public Dataset Data { get; }

    public string TargetColumn { get; }

    public TargetTask Task { get; }

    /// <summary>Why the task is what it is, in a sentence for the profile.</summary>
    public string TaskReason { get; }

    /// <summary>The target's values and relevance when the task is regression; null for classification.</summary>
    public RegressionTarget? Regression { get; }

    /// <summary>The class the metrics call "positive" (label 1).</summary>
    public string PositiveClass { get; }

    /// <summary>The other class's label, or "not X" when the target has more than two classes.</summary>
    public string NegativeClass { get; }

    /// <summary>Per row: 1 for the positive class (regression: a rare value), 0 otherwise.</summary>
    public int[] Labels { get; }

    /// <summary>
    /// What the train/test split stratifies on: <see cref="Labels"/>, except for a numeric target with another relevance
    /// threshold than the default, where it is the rare values at the default threshold. So the test rows stay the same
    /// whatever threshold the user sets: a new threshold changes which rows count as rare, not which rows are tested.
    /// </summary>
    public int[] SplitLabels => Regression is { Relevance.Threshold: not RelevanceFunction.DefaultThreshold } regression
        ? Array.ConvertAll(regression.Values, v => (regression.Relevance with { Threshold = RelevanceFunction.DefaultThreshold }).IsRare(v) ? 1 : 0)
        : Labels;

    /// <summary>Every class of the target column, as in the file.</summary>
    public IReadOnlyList<string> TargetClasses { get; }

    public bool IsOneVsRest => TargetClasses.Count > 2;

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> ExcludedColumns { get; }

    public IReadOnlyList<string> Warnings { get; }

    public int RowCount => Labels.Length;

    public int PositiveCount { get; }

    public int NegativeCount => Labels.Length - PositiveCount;

    /// <summary>Display name of a label (1 = positive class, 0 = the rest).</summary>
    public string ClassName(int label) => label == 1 ? PositiveClass : NegativeClass;

    /// <summary>The default exclusions for a data set: identifier-like columns and a bundled set's own list.</summary>
    public static IReadOnlyList<string> DefaultExclusions(Dataset dataset)
    {
        var bundled = BundledDatasets.Find(Path.GetFileNameWithoutExtension(dataset.Name));
        return dataset.Columns
            .Where(c => c.LooksLikeIdentifier || bundled?.DefaultExcludedColumns.Contains(c.Name) == true)
            .Select(c => c.Name)
            .ToArray();
    }

    public static LabeledDataset Create(Dataset dataset, TargetChoice choice)
    {
        if (!dataset.HasColumn(choice.TargetColumn))
        {
            throw new DatasetException(DataProblem.TargetMissing,
                $"The target '{choice.TargetColumn}' is not a column of '{dataset.Name}'. Pick one of: {string.Join(", ", dataset.Columns.Select(c => c.Name))}.",
                dataset.Name, column: choice.TargetColumn);
        }
        var target = dataset.Column(choice.TargetColumn);
        var warnings = new List<string>(dataset.Warnings);

        // Keep the rows whose target is present.
        var kept = new List<int>(target.Length);
        for (var row = 0; row < target.Length; row++)
        {
            if (!target.IsMissing(row)) kept.Add(row);
        }
        var dropped = target.Length - kept.Count;
        if (dropped > 0)
        {
            warnings.Add($"{dropped} row(s) were left out because their target '{target.Name}' is missing.");
        }
        var data = dropped > 0 ? dataset.SelectRows(kept.ToArray()) : dataset;
        target = data.Column(choice.TargetColumn);

        var task = DecideTask(data.Name, target, choice.Task);
        var (positive, negative, labels, classes, regression) = task.Task == TargetTask.Regression
            ? LabelRareValues(dataset.Name, (NumericColumn)target, choice.RelevanceThreshold, warnings)
            : LabelClasses(dataset.Name, target, choice.PositiveClass, warnings);

        var excluded = (choice.ExcludedColumns ?? DefaultExclusions(dataset)).Where(c => c != target.Name).ToArray();
        foreach (var name in excluded) _ = dataset.Column(name); // throws a clear message for an unknown column
        var features = data.Columns.Select(c => c.Name).Where(n => n != target.Name && !excluded.Contains(n)).ToArray();
        if (features.Length == 0)
        {
            throw new DatasetException(DataProblem.NoFeatures,
                $"No feature columns are left once the target '{target.Name}' and the excluded columns are set aside. Include at least one column.",
                dataset.Name);
        }
        return new LabeledDataset(data, target.Name, positive, negative, labels, classes, features, excluded, warnings, task, regression);
    }

    private static (string Positive, string Negative, int[] Labels, string[] Classes, RegressionTarget? Regression) LabelClasses(string datasetName,
        DataColumn target, string? positiveClass, List<string> warnings)
    {
        var classCounts = CountClasses(target);
        if (classCounts.Count > MaxTargetClasses)
        {
            throw new DatasetException(DataProblem.TargetConstant,
                $"The target '{target.Name}' has more than {MaxTargetClasses} different values, too many to read as classes. Predict it as a number (regression), or pick a class column (yes/no, good/bad).",
                datasetName, column: target.Name);
        }
        if (classCounts.Count < 2)
        {
            var only = classCounts.Count == 1 ? classCounts.Keys.First() : "(nothing)";
            throw new DatasetException(DataProblem.TargetConstant,
                $"The target '{target.Name}' has only one class ('{only}'). A classifier needs at least two classes: pick another target column.",
                datasetName, column: target.Name, value: only);
        }

        var positive = positiveClass ?? classCounts.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        if (!classCounts.ContainsKey(positive))
        {
            throw new DatasetException(DataProblem.UnknownClass,
                $"'{positive}' is not a class of the target '{target.Name}'. Its classes are: {string.Join(", ", classCounts.Keys)}.",
                datasetName, column: target.Name, value: positive);
        }
        var negative = classCounts.Count == 2 ? classCounts.Keys.First(k => k != positive) : $"not {positive}";
        var labels = new int[target.Length];
        for (var row = 0; row < labels.Length; row++) labels[row] = target.FormatValue(row) == positive ? 1 : 0;
        var positives = labels.Count(l => l == 1);
        foreach (var (name, count) in new[] { (positive, positives), (negative, labels.Length - positives) })
        {
            if (count < 2)
            {
                throw new DatasetException(DataProblem.TargetClassTooSmall,
                    $"The class '{name}' of the target '{target.Name}' has only {count} row. Each class needs at least 2 rows (one to train on, one to test on); pick another target or positive class.",
                    datasetName, column: target.Name, value: name);
            }
        }
        if (classCounts.Count > 2)
        {
            warnings.Add($"The target '{target.Name}' has {classCounts.Count} classes: '{positive}' is compared against all the others together (one-vs-rest).");
        }
        return (positive, negative, labels, classCounts.Keys.ToArray(), null);
    }

    /// <summary>
    /// The task: the user's choice when given (checked against the column), else regression for a numeric
    /// target with more distinct values than a class target may have, else classification.
    /// </summary>
    private static TaskDecision DecideTask(string datasetName, DataColumn target, TargetTask? chosen)
    {
        var numeric = target.Kind == ColumnKind.Numeric;
        var distinct = target.DistinctCount;
        var values = string.Create(CultureInfo.InvariantCulture, $"{distinct:N0} distinct values");
        switch (chosen)
        {
            case TargetTask.Regression when !numeric:
                throw new DatasetException(DataProblem.NotNumeric,
                    $"The target '{target.Name}' is not numeric (for example '{target.FormatValue(0)}'), so it cannot be predicted as a number. Predict it as classes, or pick a numeric target.",
                    datasetName, column: target.Name, value: target.FormatValue(0));
            case TargetTask.Regression:
                return new(TargetTask.Regression, $"'{target.Name}' is predicted as a number (regression), as asked; it has {values}.");
            case TargetTask.Classification:
                return new(TargetTask.Classification, $"'{target.Name}' is predicted as classes (classification), as asked; it has {values}.");
        }
        return numeric && distinct > MaxTargetClasses
            ? new(TargetTask.Regression,
                $"'{target.Name}' is numeric with {values} (more than {MaxTargetClasses}), so it is predicted as a number (regression); ask for classification to read it as classes.")
            : new(TargetTask.Classification, numeric
                ? $"'{target.Name}' is numeric with only {values} (at most {MaxTargetClasses}), so its values are read as classes (classification); ask for regression to predict it as a number."
                : $"'{target.Name}' holds labels ({values}), so it is predicted as classes (classification).");
    }

    /// <summary>Regression: rows whose target value is rare under the automatic relevance (at the given threshold) are labelled 1, the rest 0.</summary>
    private static (string Positive, string Negative, int[] Labels, string[] Classes, RegressionTarget? Regression) LabelRareValues(string datasetName,
        NumericColumn target, double? threshold, List<string> warnings)
    {
        var values = target.Values.ToArray();
        if (target.DistinctCount < 2)
        {
            throw new DatasetException(DataProblem.TargetConstant,
                $"The target '{target.Name}' has a single value ({target.FormatValue(0)}), so there is nothing to predict. Pick another target column.",
                datasetName, column: target.Name, value: target.FormatValue(0));
        }
        var regression = new RegressionTarget(values,
            RelevanceFunction.Auto(values, RelevanceFunction.CheckThreshold(threshold ?? RelevanceFunction.DefaultThreshold)));
        var labels = Array.ConvertAll(values, v => regression.Relevance.IsRare(v) ? 1 : 0);
        var rare = labels.Count(l => l == 1);
        if (rare == 0)
        {
            warnings.Add($"No value of the target '{target.Name}' lies beyond its box-plot whiskers, so no value is rare by the automatic relevance. Pick a target range for the rare values instead.");
        }
        return (RareValues, CommonValues, labels, [RareValues, CommonValues], regression);
    }

    /// <summary>The task and the sentence that explains it.</summary>
    private readonly record struct TaskDecision(TargetTask Task, string Reason);

    private static Dictionary<string, int> CountClasses(DataColumn target)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < target.Length; row++)
        {
            var label = target.FormatValue(row);
            counts[label] = counts.GetValueOrDefault(label) + 1;
            if (counts.Count > MaxTargetClasses) break;
        }
        return counts;
    }
}
