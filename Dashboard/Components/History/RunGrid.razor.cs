using Dashboard.Components.Shared;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Storage;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.History;

/// <summary>
/// Every stored result (run x algorithm), newest first: filter by data set, room and algorithm,
/// sort by any metric, pick runs to compare or export. Selecting any row of a run selects that run.
/// </summary>
public sealed partial class RunGrid : IDisposable
{
    /// <summary>The metric columns in the order the algorithm cards list them, F1 first.</summary>
    public static IReadOnlyList<(MetricId Metric, string Title)> MetricColumns { get; } =
    [
        (MetricId.F1, "F1"),
        (MetricId.Recall, "Recall"),
        (MetricId.Specificity, "Specificity"),
        (MetricId.Precision, "Precision"),
        (MetricId.F2, "F2"),
        (MetricId.BalancedAccuracy, "Bal. acc."),
        (MetricId.GeometricMean, "G-mean"),
        (MetricId.Mcc, "MCC"),
        (MetricId.RocAuc, "ROC AUC"),
        (MetricId.PrAuc, "PR AUC"),
        (MetricId.Accuracy, "Accuracy"),
    ];

    private readonly CancellationTokenSource _disposed = new();
    private RunFacets _facets = new([], [], []);
    private IReadOnlyList<RunResultRow> _rows = [];
    private HashSet<RunResultRow> _selected = [];

    /// <summary>The rows with the lowest expected cost of their run (<see cref="CheapestOfEachRun"/>).</summary>
    private IReadOnlySet<RunResultRow> _cheapest = new HashSet<RunResultRow>();
    private string? _dataset;
    private string? _room;
    private string? _algorithm;
    private MetricId _reportMetric = MetricId.F1;
    private bool _loading = true;
    private string? _error;

    [Inject]
    private RunStore Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The distinct runs of the selected rows, in the grid's order.</summary>
    /// <summary>
    /// Every listed run is a regression run (a numeric target; a failed result has neither kind of metrics): the report
    /// judges them by R², so no classification metric is offered.
    /// </summary>
    private bool OnlyRegression => _rows.Any(r => r.Regression is not null) && _rows.All(r => r.Metrics is null);

    private IReadOnlyCollection<string> SelectedRuns => _rows.Where(_selected.Contains).Select(r => r.RunId).Distinct().ToList();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _facets = await Runs.FacetsAsync(_disposed.Token);
            _rows = await Runs.ListAsync(new RunFilter(_dataset, _room, _algorithm), _disposed.Token);
            _cheapest = CheapestOfEachRun(_rows);
            var selectedRuns = _selected.Select(r => r.RunId).ToHashSet();
            _selected = _rows.Where(r => selectedRuns.Contains(r.RunId)).ToHashSet();
            _error = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _error = $"The run history could not be read: {exception.Message}";
        }
        finally
        {
            _loading = false;
        }
    }

    private Task SetDatasetAsync(string? value)
    {
        _dataset = value;
        return LoadAsync();
    }

    private Task SetRoomAsync(string? value)
    {
        _room = value;
        return LoadAsync();
    }

    private Task SetAlgorithmAsync(string? value)
    {
        _algorithm = value;
        return LoadAsync();
    }

    /// <summary>A row (un)checked selects or drops its whole run: runs are what is compared and exported.</summary>
    private void SelectionChanged(HashSet<RunResultRow> selection)
    {
        var added = selection.Except(_selected).Select(r => r.RunId).ToHashSet();
        var removed = _selected.Except(selection).Select(r => r.RunId).ToHashSet();
        var runs = _selected.Select(r => r.RunId).Concat(added).Where(id => !removed.Contains(id)).ToHashSet();
        _selected = _rows.Where(r => runs.Contains(r.RunId)).ToHashSet();
    }

    private void Compare() => Navigation.NavigateTo($"/history/compare?{ExportEndpoints.Query(SelectedRuns)}");

    private static string Value(RunResultRow row, MetricId metric) => row.Get(metric) is { } value ? DisplayFormat.Metric(value) : "–";

    private static double? RegressionValue(RunResultRow row, RegressionMetricId id) =>
        row.Regression is { } metrics ? RegressionMetricCatalog.Value(metrics, id) : null;

    /// <summary>A regression number as the cards show it; "failed" under R² for a result that has none, "–" for one not defined.</summary>
    private static string RegressionText(RunResultRow row, RegressionMetricId id) => row.Regression is null
        ? id == RegressionMetricId.R2 ? "failed" : ""
        : RegressionValue(row, id) is { } value ? DisplayFormat.Regression(id, value) : "–";

    /// <summary>
    /// Per run, the rows with its lowest expected cost (all of them on a tie). Only where the grid shows two or more
    /// costed rows of the run: with the algorithm filter set, "cheapest" would say nothing.
    /// </summary>
    public static IReadOnlySet<RunResultRow> CheapestOfEachRun(IEnumerable<RunResultRow> rows) =>
        rows.Where(r => r.ExpectedCost is not null).GroupBy(r => r.RunId).Where(run => run.Count() > 1)
            .SelectMany(run => run.Where(r => r.ExpectedCost == run.Min(x => x.ExpectedCost))).ToHashSet();

    private static string CostTitle(RunResultRow row, bool cheapest) =>
        $"(FN × {DisplayFormat.Setting(row.Costs.FalseNegative)} + FP × {DisplayFormat.Setting(row.Costs.FalsePositive)}) / test rows at threshold " +
        $"{DisplayFormat.Metric(row.Metrics!.Threshold)}, the run's costs{(cheapest ? "; the cheapest of this run" : "")}";

    private static string RowClass(RunResultRow row, int index) => row.Leaky ? "leaky-row" : "";

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
