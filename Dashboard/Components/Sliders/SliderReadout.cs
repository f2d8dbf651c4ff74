using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Sliders;

/// <summary>
/// What a slider card says about its focus group: the share before and after the last run, rows
/// added or removed, the engine's warnings and a plain "what happened" sentence; and, for any
/// position the thumb is at, the rows it would add or remove (from the training rows as in the data).
/// </summary>
/// <param name="GroupRows">Training rows in the focus group, as in the data.</param>
/// <param name="RealRows">Training rows, as in the data.</param>
public sealed record SliderReadout(
    string GroupName,
    double NeutralShare,
    double CurrentShare,
    int RowsAdded,
    int RowsRemoved,
    string Summary,
    string WhatHappened,
    IReadOnlyList<string> Warnings,
    int GroupRows,
    int RealRows)
{
    public static SliderReadout For(SliderState slider, RoomState state, FeaturizedSplit split, TrainingSummary? training)
    {
        if (slider.IsBalanceTrack) return ClassBalanceReadout.For(slider, state, split, training);
        var data = split.Data;
        var name = GroupLabel(slider.Group, data);
        var trainRows = split.Split.TrainRows;
        var groupRows = FocusGroupShare.Count(slider.Group, data, trainRows);
        var neutral = trainRows.Count == 0 ? 0 : (double)groupRows / trainRows.Count;
        var report = state.ReportOf(slider, training);
        if (report is null)
        {
            return new SliderReadout(name, neutral, neutral, 0, 0,
                $"{name}: {Percent(neutral)} of training rows (as in the data)", "Neutral: the training rows are as in the data set.", [],
                groupRows, trainRows.Count);
        }
        var rows = report.RowsAdded > 0 ? $" (+{report.RowsAdded:N0} synthetic)" : report.RowsRemoved > 0 ? $" (−{report.RowsRemoved:N0} rows)" : "";
        return new SliderReadout(name, neutral, report.ShareAfter, report.RowsAdded, report.RowsRemoved,
            $"{name}: {Percent(neutral)} → {Percent(report.ShareAfter)} of training rows{rows}",
            Explain(slider, report, name, data), report.Warnings.Select(w => w.Message).ToArray(), groupRows, trainRows.Count);
    }

    /// <summary>
    /// The class-balance track's readout: positions are −1 … +1 rather than shares, <see cref="GroupName"/> is the minority
    /// and <see cref="MajorityName"/> the class the left side removes rows of.
    /// </summary>
    public bool IsBalanceTrack { get; init; }

    public string MajorityName { get; init; } = "";

    /// <summary>Rows a position adds (positive, synthetic) or removes (negative), counted from the training rows as in the data.</summary>
    public long RowChangeAt(double share)
    {
        if (!IsBalanceTrack) return SliderRows.ChangeFor(share, GroupRows, RealRows - GroupRows);
        var (removed, added, _) = ClassBalance.RowsFor(share, GroupRows, RealRows - GroupRows);
        return added - removed;
    }

    /// <summary>While the thumb moves: what releasing it here would do, in rows.</summary>
    public string PreviewAt(double share) => IsBalanceTrack ? ClassBalanceReadout.PreviewAt(this, share) : RowChangeAt(share) switch
    {
        > 0 and var added => $"At {Percent(share)}: about +{added:N0} synthetic rows.",
        < 0 and var removed => $"At {Percent(share)}: about {-removed:N0} {GroupName} rows removed.",
        _ => $"At {Percent(share)}: the training rows as in the data.",
    };

    /// <summary>
    /// A warning when a position adds more synthetic rows than there are real training rows (the models would learn more
    /// from made-up rows than from real ones); null otherwise. Said before the move: the move itself is not blocked.
    /// </summary>
    public string? SyntheticWarningAt(double share) => RowChangeAt(share) is var added && added > RealRows
        ? $"{(IsBalanceTrack ? ClassBalanceReadout.Position(share) : Percent(share))} adds about {added:N0} synthetic rows, more than the {RealRows:N0} real training rows " +
          $"({(added / (double)Math.Max(1, RealRows)).ToString("0.0", CultureInfo.InvariantCulture)}x): the models would learn more from made-up rows than from real ones."
        : null;

    private static string Explain(SliderState slider, ChangeReport report, string name, LabeledDataset data)
    {
        if (report.RowsAdded > 0)
        {
            var k = report.KUsed is { } used ? $" (k={used})" : "";
            var between = slider.IsClassSlider
                ? $"between real '{name}' rows and their nearest neighbours of the same class"
                : $"between real {name} rows of the same outcome ({data.TargetColumn})";
            return $"{report.Method} added {report.RowsAdded:N0} rows{k} {between}.{Reuse(report)}";
        }
        if (report.RowsRemoved > 0)
        {
            var kept = slider.IsClassSlider ? "" : $"; the share of each {data.TargetColumn} outcome inside the group was kept";
            return $"{report.Method} removed {report.RowsRemoved:N0} {name} rows from the training set{kept}.";
        }
        return "Nothing to change: the group already has that share.";
    }

    /// <summary>Says when neighbours came from earlier moves, which is why a repeated move is quicker.</summary>
    private static string Reuse(ChangeReport report) => report.NeighboursReused == 0 ? "" :
        report.NeighboursSearched == 0
            ? $" The neighbours of all {report.NeighboursReused:N0} base rows were known from earlier moves, so none were searched."
            : $" The neighbours of {report.NeighboursReused:N0} base rows were known from earlier moves; {report.NeighboursSearched:N0} were searched.";

    public static string GroupLabel(FocusGroup group, LabeledDataset data) => group switch
    {
        ClassGroup c when data.Task == TargetTask.Regression => $"{data.ClassName(c.Label)} of {data.TargetColumn}",
        ClassGroup c => $"{data.TargetColumn} = {data.ClassName(c.Label)}",
        _ => group.Describe(data),
    };

    public static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
