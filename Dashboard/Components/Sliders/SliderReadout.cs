using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Sliders;

/// <summary>
/// What a slider card says about its focus group: the share before and after the last run, rows
/// added or removed, the engine's warnings and a plain "what happened" sentence.
/// </summary>
public sealed record SliderReadout(
    string GroupName,
    double NeutralShare,
    double CurrentShare,
    int RowsAdded,
    int RowsRemoved,
    string Summary,
    string WhatHappened,
    IReadOnlyList<string> Warnings)
{
    public static SliderReadout For(SliderState slider, RoomState state, FeaturizedSplit split, TrainingSummary? training)
    {
        if (slider.IsBalanceTrack) return ClassBalanceReadout.For(slider, state, split, training);
        var data = split.Data;
        var name = GroupLabel(slider.Group, data);
        var neutral = FocusGroupShare.Of(slider.Group, data, split.Split.TrainRows);
        var report = state.ReportOf(slider, training);
        if (report is null)
        {
            return new SliderReadout(name, neutral, neutral, 0, 0,
                $"{name}: {Percent(neutral)} of training rows (as in the data)", "Neutral: the training rows are as in the data set.", []);
        }
        var rows = report.RowsAdded > 0 ? $" (+{report.RowsAdded:N0} synthetic)" : report.RowsRemoved > 0 ? $" (−{report.RowsRemoved:N0} rows)" : "";
        return new SliderReadout(name, neutral, report.ShareAfter, report.RowsAdded, report.RowsRemoved,
            $"{name}: {Percent(neutral)} → {Percent(report.ShareAfter)} of training rows{rows}",
            Explain(slider, report, name, data), report.Warnings.Select(w => w.Message).ToArray());
    }

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
        ClassGroup c => $"{data.TargetColumn} = {data.ClassName(c.Label)}",
        _ => group.Describe(data),
    };

    public static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
