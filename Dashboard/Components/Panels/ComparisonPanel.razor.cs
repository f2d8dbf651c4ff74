using Dashboard.Components.Sliders;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Rooms;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ChartPoint = Dashboard.Components.Charts.HistoryChartPoint;

namespace Dashboard.Components.Panels;

public partial class ComparisonPanel : IDisposable
{
    /// <summary>The three curve charts carry a legend row or more per algorithm: taller than the default, so the plot keeps its height in a narrow column.</summary>
    private const string CurveHeight = "380px";

    private MetricId _metric = MetricId.F1;

    /// <summary>Whether the bar chart ranks the cards by expected cost (lower is better) instead of by a metric.</summary>
    private bool _byCost;
    private string? _slider;
    private CancellationTokenSource? _sweep;
    private double _sweepPercent;
    private readonly SensitiveGroupsCache _sensitive = new();

    [Parameter, EditorRequired]
    public RoomView Snapshot { get; set; } = default!;

    [Parameter, EditorRequired]
    public IRoom Room { get; set; } = default!;

    [Parameter]
    public string MemberId { get; set; } = "you";

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsRegression => Snapshot.Task == Core.Data.TargetTask.Regression;

    private IReadOnlyList<AlgorithmResult> Completed =>
        Snapshot.Latest.Values.Where(r => r.Status == AlgorithmStatus.Completed).OrderBy(r => Order(r.AlgorithmId)).ToArray();

    private IReadOnlyList<AlgorithmResult> Baselines => Snapshot.Baseline.Values.OrderBy(r => Order(r.AlgorithmId)).ToArray();

    private int Order(string algorithmId) => Snapshot.State.Algorithms.ToList().FindIndex(a => a.AlgorithmId == algorithmId);

    /// <summary>The slider whose history is shown: the user's pick, else the one moved last, else the class slider.</summary>
    private string ActiveSlider =>
        _slider is { } chosen && Snapshot.State.Sliders.Any(s => s.Id == chosen) ? chosen : Snapshot.LastMovedSliderId ?? RoomDefaults.ClassSliderId;

    private string ActiveLabel => Snapshot.State.Sliders.FirstOrDefault(s => s.Id == ActiveSlider) is { } slider ? LabelOf(slider) : "";

    /// <summary>A slider as the history picker names it: for a numeric target the class slider moves its rare values.</summary>
    private string LabelOf(SliderState slider) => IsRegression && slider.IsClassSlider ? "rare values" : slider.Label;

    /// <summary>The history chart's x axis: the balance track's points all sit on the minority's share, whichever side made them.</summary>
    private string HistoryAxis => Snapshot.State.Sliders.FirstOrDefault(s => s.Id == ActiveSlider) is { IsBalanceTrack: true } track && Snapshot.Workspace is { } workspace
        ? IsRegression
            ? $"{SliderReadout.GroupLabel(track.Group, workspace.Split.Data)}: share of training rows (dashed: common values undersampled; solid: SMOTER rows added)"
            : $"minority {SliderReadout.GroupLabel(track.Group, workspace.Split.Data)}: share of training rows (dashed: majority undersampled; solid: minority SMOTEd)"
        : $"{ActiveLabel}: share of training rows";

    /// <summary>
    /// The active slider's runs with its current focus group (another group is another series: its
    /// shares are of other rows), plus the baseline placed at the group's neutral share.
    /// </summary>
    private IReadOnlyList<ChartPoint> HistoryPoints
    {
        get
        {
            var slider = Snapshot.State.Sliders.FirstOrDefault(s => s.Id == ActiveSlider);
            var split = Snapshot.Workspace?.Split;
            if (slider is null || split is null) return [];
            var neutral = FocusGroupShare.Of(slider.Group, split.Data, split.Split.TrainRows);
            var group = slider.Group.Describe(split.Data);
            var names = Snapshot.State.Algorithms.ToDictionary(a => a.AlgorithmId, a => AlgorithmCatalog.Get(a.AlgorithmId, Snapshot.Task).DisplayName);
            var groups = IsRegression ? null : _sensitive.For(Snapshot);
            // Built once per change of what they are made of: the page renders on every room event, and building them
            // (metrics, labels, group rates per point) was a tenth of a render's server time with a long history.
            object?[] inputs = [Snapshot.History, slider, split, Snapshot.State.Algorithms, Snapshot.State.Costs, groups, IsRegression];
            if (_historyPoints is { } built && built.Inputs.SequenceEqual(inputs)) return built.Points;
            var points = Snapshot.History
                .Where(p => HistorySeries.Belongs(p, slider, group))
                .SelectMany(p =>
                {
                    var x = p.SliderId is null ? neutral : p.Position;
                    var label = p.SliderId is null ? $"baseline ({SliderReadout.Percent(neutral)})" : $"{p.SliderLabel}: {SliderReadout.Percent(p.Position)}";
                    var values = p.Metrics is { } metrics
                        ? MetricCatalog.All.Where(m => metrics.IsDefined(m.Id)).ToDictionary(m => m.Id, m => metrics.Get(m.Id))
                        : [];
                    // The gaps come from the point's kept test scores, as the fairness panel's tables come from the card's.
                    var rates = groups?.RatesOf(p);
                    return HistorySeries.LinesOf(p, slider, IsRegression).Select(line =>
                        new ChartPoint(p.AlgorithmId, names.GetValueOrDefault(p.AlgorithmId, p.AlgorithmId), x, label, values, p.Leaky)
                        {
                            Line = line,
                            ExpectedCost = p.Metrics is { } m ? Snapshot.State.Costs.ExpectedCost(m.Confusion) : null,
                            Regression = p.Regression,
                            EqualOpportunityGap = rates?.EqualOpportunity?.Difference,
                            DemographicParityGap = rates?.DemographicParity?.Difference,
                        });
                })
                .ToArray();
            _historyPoints = (inputs, points);
            return points;
        }
    }

    /// <summary>The history chart's points and what they were built from (lists by reference, records by value).</summary>
    private (object?[] Inputs, ChartPoint[] Points)? _historyPoints;

    /// <summary>Moves the active slider across its range, one run per step, waiting for each run to finish (the room's own sweep).</summary>
    private async Task SweepAsync()
    {
        _sweep = new CancellationTokenSource();
        try
        {
            var progress = new Progress<double>(done =>
            {
                _sweepPercent = 100 * done;
                StateHasChanged();
            });
            if (await Room.Sweeps.RunAsync(MemberId, ActiveSlider, progress, _sweep.Token) is { } refusal) Snackbar.Add(refusal, Severity.Warning);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _sweep.Dispose();
            _sweep = null;
            _sweepPercent = 0;
        }
    }

    public void Dispose() => _sweep?.Cancel();
}
