using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Pages;

/// <summary>
/// Everything a class did, stored: at /history the grid of runs, at /history/run/{id} one run in
/// full, at /history/compare?ids=a,b runs side by side.
/// </summary>
public partial class HistoryPage
{
    [Parameter]
    public string? RunId { get; set; }

    [SupplyParameterFromQuery(Name = "ids")]
    public string? Ids { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool IsCompare => Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith("history/compare", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<string> CompareIds =>
        (Ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
