using Dashboard.Core.Fairness;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// The columns a room left out of the features for fairness (<see cref="SetProxiesLeftOut"/>): the sensitive column and
/// its possible proxies that the models saw. They are left out as any excluded column is, through the data set's
/// <see cref="DatasetChoice.ExcludedColumns"/>, so the featurizer never gives them a slot and no trainer sees them.
/// </summary>
/// <param name="SensitiveColumn">The sensitive column they were left out for.</param>
/// <param name="Columns">The columns left out, the sensitive column first if the models saw it, then the proxies strongest first.</param>
/// <param name="ExcludedBefore">The data set's excluded columns before (null: the defaults), which turning it off restores.</param>
public sealed record ProxyExclusion(string SensitiveColumn, IReadOnlyList<string> Columns, IReadOnlyList<string>? ExcludedBefore)
{
    /// <summary>
    /// What leaving the proxies out (or putting them back) loads: the room's data set with other excluded columns, the
    /// exclusion the room then records (null when off) and a line for the activity feed. Throws a sentence when there is
    /// nothing to do.
    /// </summary>
    public static (DatasetChoice Dataset, ProxyExclusion? Exclusion, string Description) Toggle(RoomState state, bool leaveOut, FeaturizedSplit split)
    {
        if (!leaveOut)
        {
            if (state.ProxiesLeftOut is not { } current) throw new ArgumentException("No column is left out for fairness: there is nothing to put back.");
            return (state.Dataset with { ExcludedColumns = current.ExcludedBefore }, null,
                $"put {string.Join(", ", current.Columns)} back among the features and retrained");
        }
        if (state.ProxiesLeftOut is { } already) throw new ArgumentException($"{string.Join(", ", already.Columns)} are already left out of the features.");
        if (state.SensitiveColumn is not { } sensitive) throw new ArgumentException("Mark a sensitive column first: its possible proxies are what would be left out.");
        var columns = SensitiveGroups.Of(split, sensitive).FeaturesToLeaveOut;
        if (columns.Count == 0)
        {
            throw new ArgumentException($"The models see neither {sensitive} nor any possible proxy of it: there is nothing to leave out.");
        }
        var excluded = split.Data.ExcludedColumns.Concat(columns).Distinct().ToArray();
        return (state.Dataset with { ExcludedColumns = excluded }, new ProxyExclusion(sensitive, columns, state.Dataset.ExcludedColumns),
            $"left {string.Join(", ", columns)} out of the features (fairness: {sensitive} and its possible proxies) and retrained");
    }
}
