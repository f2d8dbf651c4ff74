using System.Globalization;
using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Storage;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.History;

/// <summary>Stored runs side by side: settings, metrics and confusion matrices with differences highlighted, ROC curves overlaid.</summary>
public sealed partial class RunComparison
{
    private RunComparisonModel? _model;
    private string? _loadedFor;

    [Parameter, EditorRequired]
    public IReadOnlyList<string> RunIds { get; set; } = [];

    [Inject]
    private RunStore Runs { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var key = string.Join(',', RunIds);
        if (key == _loadedFor) return;
        _loadedFor = key;
        _model = null;
        _model = new RunComparisonModel(await Runs.GetAsync(RunIds, CancellationToken.None));
    }

    /// <summary>TN, FP, FN, TP of one run, each compared across the runs (fewer false ones is better).</summary>
    private static IReadOnlyList<ComparedValue> ConfusionCells(RunComparisonModel model, string algorithmId, int run) =>
    [
        model.Cell(algorithmId, m => m.TrueNegatives, higherIsBetter: true)[run],
        model.Cell(algorithmId, m => m.FalsePositives, higherIsBetter: false)[run],
        model.Cell(algorithmId, m => m.FalseNegatives, higherIsBetter: false)[run],
        model.Cell(algorithmId, m => m.TruePositives, higherIsBetter: true)[run],
    ];

    private static string Time(RecordedRun run) => run.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
