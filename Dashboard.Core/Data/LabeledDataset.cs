namespace Dashboard.Core.Data;

/// <summary>
/// A data set with its target chosen: rows with a missing target are dropped, the target is binary
/// (positive class vs the rest, one-vs-rest when it has more than two classes), and the feature
/// columns are known.
/// </summary>
public sealed class LabeledDataset
{
    private const int MaxTargetClasses = 50;

    private LabeledDataset(Dataset data, string targetColumn, string positiveClass, string negativeClass,
        int[] labels, IReadOnlyList<string> targetClasses, IReadOnlyList<string> featureNames,
        IReadOnlyList<string> excludedColumns, IReadOnlyList<string> warnings)
    {
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

    /// <summary>The class the metrics call "positive" (label 1).</summary>
    public string PositiveClass { get; }

    /// <summary>The other class's label, or "not X" when the target has more than two classes.</summary>
    public string NegativeClass { get; }

    /// <summary>Per row: 1 for the positive class, 0 otherwise.</summary>
    public int[] Labels { get; }

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

        var classCounts = CountClasses(target);
        if (classCounts.Count > MaxTargetClasses)
        {
            throw new DatasetException(DataProblem.TargetConstant,
                $"The target '{target.Name}' has {classCounts.Count} different values; a target must be a class label (yes/no, good/bad). Pick another column.",
                dataset.Name, column: target.Name);
        }
        if (classCounts.Count < 2)
        {
            var only = classCounts.Count == 1 ? classCounts.Keys.First() : "(nothing)";
            throw new DatasetException(DataProblem.TargetConstant,
                $"The target '{target.Name}' has only one class ('{only}'). A classifier needs at least two classes: pick another target column.",
                dataset.Name, column: target.Name, value: only);
        }

        var positive = choice.PositiveClass ?? classCounts.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        if (!classCounts.ContainsKey(positive))
        {
            throw new DatasetException(DataProblem.UnknownClass,
                $"'{positive}' is not a class of the target '{target.Name}'. Its classes are: {string.Join(", ", classCounts.Keys)}.",
                dataset.Name, column: target.Name, value: positive);
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
                    dataset.Name, column: target.Name, value: name);
            }
        }
        if (classCounts.Count > 2)
        {
            warnings.Add($"The target '{target.Name}' has {classCounts.Count} classes: '{positive}' is compared against all the others together (one-vs-rest).");
        }

        var excluded = (choice.ExcludedColumns ?? DefaultExclusions(dataset)).Where(c => c != target.Name).ToArray();
        foreach (var name in excluded) _ = dataset.Column(name); // throws a clear message for an unknown column
        var features = data.Columns.Select(c => c.Name).Where(n => n != target.Name && !excluded.Contains(n)).ToArray();
        if (features.Length == 0)
        {
            throw new DatasetException(DataProblem.NoFeatures,
                $"No feature columns are left once the target '{target.Name}' and the excluded columns are set aside. Include at least one column.",
                dataset.Name);
        }
        return new LabeledDataset(data, target.Name, positive, negative, labels, classCounts.Keys.ToArray(), features, excluded, warnings);
    }

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
