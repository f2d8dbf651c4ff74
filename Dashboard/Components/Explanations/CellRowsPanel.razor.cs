using Dashboard.Components.Shared;
using Dashboard.Core.Explanations;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Explanations;

/// <summary>
/// The test rows in a picked cell of one card's confusion matrix (a page at a time, with the data set's most important
/// columns), and, for the row a user picks, every card's explanation of it. The rows follow the card's latest result:
/// a new run lists the rows of the same cell again.
/// </summary>
public sealed partial class CellRowsPanel
{
    public const int PageSize = 10;

    private int _page;
    private CellRow? _chosen;
    private IReadOnlyList<string> _columns = [];

    [Parameter, EditorRequired]
    public RoomView Snapshot { get; set; } = default!;

    [Parameter, EditorRequired]
    public CellChoice Choice { get; set; } = default!;

    /// <summary>Explains one test row (by its position among the test rows) for one card, on the server.</summary>
    [Parameter, EditorRequired]
    public Func<string, int, CancellationToken, Task<RowExplanation>> Explain { get; set; } = default!;

    [Parameter]
    public EventCallback OnClose { get; set; }

    private IReadOnlyList<CellRow> Rows { get; set; } = [];

    private string Name => AlgorithmCatalog.Get(Choice.AlgorithmId).DisplayName;

    private string Title => $"{DisplayFormat.Count(Rows.Count)} {Choice.Cell.Describe()}{(Rows.Count == 1 ? "" : "s")} of {Name} " +
        $"at threshold {DisplayFormat.Metric(Choice.Threshold)}";

    private int Pages => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);

    protected override void OnParametersSet()
    {
        if (Snapshot.Workspace is not { } workspace || !Snapshot.Latest.TryGetValue(Choice.AlgorithmId, out var result) || result.Metrics is null)
        {
            Rows = [];
            return;
        }
        _columns = CellRows.ColumnsToShow(workspace);
        Rows = CellRows.Of(workspace.Split, result, Choice, _columns);
        _page = Math.Min(_page, Pages - 1);
    }
}
