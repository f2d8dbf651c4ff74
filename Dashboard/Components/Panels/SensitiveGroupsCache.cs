using Dashboard.Core.Fairness;
using Dashboard.Core.Rooms;

namespace Dashboard.Components.Panels;

/// <summary>
/// A component's <see cref="SensitiveGroups"/> for the room's sensitive column, built again only when the data set or the
/// column changes (grouping reads every row; proxy detection, on first use, every training row), not on every result.
/// </summary>
public sealed class SensitiveGroupsCache
{
    private SensitiveGroups? _groups;
    private (DatasetWorkspace Workspace, string Column)? _builtFor;

    /// <summary>The groups of the room's sensitive column; null while it has none or no data set is loaded.</summary>
    public SensitiveGroups? For(RoomView view)
    {
        if (view.State.SensitiveColumn is not { } column || view.Workspace is not { } workspace)
        {
            (_groups, _builtFor) = (null, null);
            return null;
        }
        if (_builtFor is { } built && ReferenceEquals(built.Workspace, workspace) && built.Column == column) return _groups;
        _groups = SensitiveGroups.Of(workspace.Split, column);
        _builtFor = (workspace, column);
        return _groups;
    }
}
