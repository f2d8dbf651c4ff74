using Dashboard.Core.Data;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;

namespace Dashboard.Components.History;

/// <summary>
/// Two or more stored runs side by side: for every algorithm, each run's metrics and confusion
/// counts with their change against the first run, the best run marked per metric, and which
/// settings differ between the runs. Runs on a numeric target compare R² and the errors instead (lower errors are better).
/// </summary>
public sealed class RunComparisonModel(IReadOnlyList<RecordedRun> runs)
{
    public IReadOnlyList<RecordedRun> Runs { get; } = runs;

    /// <summary>Every algorithm in any of the runs, in first-seen order.</summary>
    public IReadOnlyList<(string Id, string Name)> Algorithms { get; } =
        runs.SelectMany(r => r.Results).Select(r => (r.AlgorithmId, r.DisplayName)).DistinctBy(a => a.AlgorithmId)
            .OrderBy(a => AlgorithmOrder.IndexOf(a.AlgorithmId) is var i and >= 0 ? i : int.MaxValue).ToList();

    /// <summary>True when a run holds a regressor's result (a numeric target): R² and the errors are compared, not classification metrics.</summary>
    public bool IsRegression { get; } = runs.Any(r => r.Results.Any(result => result.Regression is not null));

    public AlgorithmResult? Result(RecordedRun run, string algorithmId) => run.Results.FirstOrDefault(r => r.AlgorithmId == algorithmId);

    /// <summary>The metric for each run (in run order); higher is better for every metric here.</summary>
    public IReadOnlyList<ComparedValue> Metric(string algorithmId, MetricId metric) =>
        Compare(Runs.Select(run => Result(run, algorithmId)?.Metrics is { } m && m.IsDefined(metric) ? m.Get(metric) : (double?)null).ToList(), higherIsBetter: true);

    /// <summary>A regression number for each run (in run order): R² higher is better, every error lower.</summary>
    public IReadOnlyList<ComparedValue> RegressionMetric(string algorithmId, RegressionMetricId metric) =>
        Compare(Runs.Select(run => Result(run, algorithmId)?.Regression is { } m ? RegressionMetricCatalog.Value(m, metric) : null).ToList(),
            RegressionMetricCatalog.Get(metric).HigherIsBetter);

    /// <summary>One confusion-matrix cell for each run; more true positives / negatives is better, fewer false ones.</summary>
    public IReadOnlyList<ComparedValue> Cell(string algorithmId, Func<ConfusionMatrix, int> cell, bool higherIsBetter) =>
        Compare(Runs.Select(run => Result(run, algorithmId)?.Metrics is { } m ? (double?)cell(m.Confusion) : null).ToList(), higherIsBetter);

    /// <summary>The settings rows (label, one text per run, whether the runs differ in it).</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Values, bool Differs)> Settings()
    {
        var rows = new List<(string, IReadOnlyList<string>)>
        {
            ("Data set", Runs.Select(r => r.Dataset.DisplayName).ToList()),
            ("Split", Runs.Select(r => $"seed {r.Choice.SplitSeed}, test share {RunText.Percent(r.Choice.TestShare)}").ToList()),
            ("Change", Runs.Select(r => r.Reason).ToList()),
            ("Sliders", Runs.Select(RunText.Sliders).ToList()),
            ("Resampling", Runs.Select(r => RunText.Resampling(r.Training)).ToList()),
            ("Mode", Runs.Select(r => r.Leaky ? "LEAKY (resampled before the split)" : "normal").ToList()),
        };
        // A regressor has no decision threshold: the row would only repeat a stored default.
        if (!IsRegression) rows.Add(("Threshold", Runs.Select(r => RunText.Metric(r.Threshold)).ToList()));
        // Which test rows the rare-range errors are on: runs at other relevance thresholds compare those errors on other rows.
        if (IsRegression)
        {
            rows.Add(("Rare values", Runs.Select(r => $"relevance ≥ {RunText.Number(r.Choice.RelevanceThreshold ?? RelevanceFunction.DefaultThreshold)}").ToList()));
        }
        foreach (var (id, name) in Algorithms)
        {
            rows.Add(($"{name} settings", Runs.Select(r => Result(r, id) is { } result
                ? $"{RunText.Hyperparameters(result.Hyperparameters)}; class weight {RunText.ClassWeight(result.ClassWeight)}"
                : "not in this run").ToList()));
        }
        return rows.Select(r => (r.Item1, r.Item2, r.Item2.Distinct().Count() > 1)).ToList();
    }

    private List<ComparedValue> Compare(IReadOnlyList<double?> values, bool higherIsBetter)
    {
        // A leaky run's scores are inflated by its own mistake: it is never the best run.
        var present = values.Where((v, i) => v is not null && !Runs[i].Leaky).Select(v => v!.Value).ToList();
        double? best = present.Count < 2 ? null : higherIsBetter ? present.Max() : present.Min();
        // "Best" only means something when the runs differ.
        if (best is not null && present.All(v => Math.Abs(v - best.Value) < 1e-12)) best = null;
        var first = values.Count > 0 ? values[0] : null;
        return values.Select((v, i) => new ComparedValue(v, i > 0 && v is { } value && first is { } f ? value - f : null,
            !Runs[i].Leaky && best is { } b && v is { } x && Math.Abs(x - b) < 1e-12)).ToList();
    }
}
