using Dashboard.Components.Shared;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Components.Charts;

/// <summary>
/// Where each run put each model in ROC space: per algorithm, the (false-positive rate, recall) point at its card's
/// threshold for every run of the room, joined in the order the runs were made, so the class sees undersampling or
/// SMOTE walk a model through ROC space (up and right: more positives found, more false alarms). The latest point
/// is the large one.
/// </summary>
public sealed partial class RocTrajectoryChart : ChartBase
{
    /// <summary>The room's history points (one per algorithm per run), already at each card's threshold.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<HistoryPoint> Points { get; set; } = [];

    /// <summary>The room's cards, in their order: one path each.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> AlgorithmIds { get; set; } = [];

    protected override ChartFigure BuildFigure() => Build(Points, AlgorithmIds);

    /// <summary>The chance diagonal, then per algorithm with points one lines+markers trace in run order.</summary>
    public static ChartFigure Build(IReadOnlyList<HistoryPoint> points, IReadOnlyList<string> algorithmIds)
    {
        var traces = new List<ITrace> { ThresholdCurveChart.GuessLine("chance", [0.0, 1.0], [0.0, 1.0]) };
        foreach (var algorithmId in algorithmIds)
        {
            // Points with a confusion matrix only (a regressor's have none: the panel hides this chart for regression).
            var path = points.Where(p => p.AlgorithmId == algorithmId && p.Metrics is not null).OrderBy(p => p.RunNumber).ToArray();
            if (path.Length == 0) continue;
            var name = AlgorithmCatalog.All.FirstOrDefault(a => a.Id == algorithmId)?.DisplayName ?? algorithmId;
            traces.Add(new Scatter
            {
                Name = PlotlyText.Escape(name),
                X = [.. path.Select(p => (object)(1 - p.Metrics!.Specificity))],
                Y = [.. path.Select(p => (object)p.Metrics!.Recall)],
                Mode = ModeFlag.Lines | ModeFlag.Markers,
                Line = new Line { Color = ChartStyle.ColorOf(algorithmId), Width = 2 },
                Marker = new Marker
                {
                    Color = ChartStyle.ColorOf(algorithmId),
                    // The latest point is where the model is now; the path behind it is how it got there.
                    SizeArray = [.. path.Select((_, i) => (decimal?)(i == path.Length - 1 ? 14 : 7))],
                },
                // Escaped as a whole (the settings name the user's columns and categories), then broken into lines.
                HoverTextArray = [.. path.Select(p => PlotlyText.Escape(Describe(p, name)).Replace("\n", "<br>"))],
                HoverTemplate = "%{hovertext}<extra></extra>",
            });
        }
        var layout = ChartStyle.NewLayout("Where each run put each model (ROC space)", "false-positive rate (1 − specificity)", "recall (sensitivity)");
        layout.XAxis[0].Range = [0.0, 1.0];
        layout.YAxis[0].Range = [0.0, 1.02];
        return new ChartFigure(traces, layout);
    }

    private static string Describe(HistoryPoint point, string name) => point.Metrics is not { } metrics ? name :
        $"{name}, run {point.RunNumber}{(point.Leaky ? " (leaky)" : "")}: {(point.Settings.Length == 0 ? "the data as it is" : point.Settings)}\n" +
        $"recall {DisplayFormat.Metric(metrics.Recall)}, false-positive rate {DisplayFormat.Metric(1 - metrics.Specificity)} " +
        $"at threshold {DisplayFormat.Metric(metrics.Threshold)}";
}
