using Dashboard.Core.Export;
using Dashboard.Core.Metrics;
using Dashboard.Storage;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.History;

/// <summary>One stored run: its settings, every algorithm's card as it was, the ROC curves, exports and "load these settings".</summary>
public sealed partial class RunDetail
{
    private RecordedRun? _run;
    private bool _loaded;
    private MetricId _metric = MetricId.F1;

    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    [Inject]
    private RunStore Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_run?.RunId == RunId) return;
        _loaded = false;
        _run = await Runs.GetAsync(RunId, CancellationToken.None);
        _loaded = true;
    }

    /// <summary>The dashboard applies the run's settings (<see cref="RunStore.GetReplayAsync"/>) when opened with ?replay=.</summary>
    private void Replay() => Navigation.NavigateTo($"/?replay={Uri.EscapeDataString(RunId)}");
}
