using Dashboard.Components.Shared;
using Dashboard.Core.Fairness;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Panels;

public partial class FairnessPanel
{
    // MudSelect cannot hold null as an item's value: "none" travels as the empty string.
    private const string None = "";

    private readonly SensitiveGroupsCache _cache = new();
    private SensitiveGroups? _groups;

    /// <summary>The room as it is; its workspace must be loaded.</summary>
    [Parameter, EditorRequired]
    public RoomView Snapshot { get; set; } = default!;

    /// <summary>True when this member may not change the sensitive column (classroom mode, not the host).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised with the column chosen, or null for none.</summary>
    [Parameter]
    public EventCallback<string?> OnSetColumn { get; set; }

    /// <summary>Raised with true to leave the sensitive column and its proxies out of the features, false to put them back.</summary>
    [Parameter]
    public EventCallback<bool> OnLeaveProxiesOut { get; set; }

    private string? Column => Snapshot.State.SensitiveColumn;

    private IReadOnlyList<string> Candidates => SensitiveColumns.Candidates(Snapshot.Workspace!.Split.Data);

    protected override void OnParametersSet() => _groups = _cache.For(Snapshot);

    private Task ChooseAsync(string? value) => OnSetColumn.InvokeAsync(string.IsNullOrEmpty(value) ? null : value);

    private static string Title(AlgorithmSeat seat, AlgorithmResult? result) =>
        AlgorithmCatalog.Get(seat.AlgorithmId).DisplayName + (result?.Metrics is { } metrics ? $" at threshold {DisplayFormat.Setting(metrics.Threshold)}" : "");
}
