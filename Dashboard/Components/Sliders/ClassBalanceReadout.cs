using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Components.Sliders;

/// <summary>
/// What the class-balance track says: the MINORITY's share (both sides raise it) and the rows it took,
/// majority rows removed on the left or synthetic minority rows added on the right.
/// </summary>
public static class ClassBalanceReadout
{
    public static SliderReadout For(SliderState slider, RoomState state, FeaturizedSplit split, TrainingSummary? training)
    {
        var data = split.Data;
        var minority = (ClassGroup)slider.Group;
        var name = SliderReadout.GroupLabel(minority, data);
        var majority = SliderReadout.GroupLabel(new ClassGroup(1 - minority.Label), data);
        var trainRows = split.Split.TrainRows;
        var minorityRows = FocusGroupShare.Count(minority, data, trainRows);
        var neutral = trainRows.Count == 0 ? 0 : (double)minorityRows / trainRows.Count;
        var report = state.ReportOf(slider, training);
        var readout = report is null
            ? new SliderReadout(name, neutral, neutral, 0, 0,
                $"{Headline(data, name)}: {SliderReadout.Percent(neutral)} of training rows (as in the data)",
                $"Neutral: the training rows are as in the data set. Left removes {majority} rows, right adds synthetic {name} rows; both ends reach 50/50.", [],
                minorityRows, trainRows.Count)
            : new SliderReadout(name, neutral, report.ShareAfter, report.RowsAdded, report.RowsRemoved,
                $"{Headline(data, name)}: {SliderReadout.Percent(neutral)} → {SliderReadout.Percent(report.ShareAfter)} of training rows{RowsTaken(report, name, majority)}",
                data.Task == Core.Data.TargetTask.Regression ? ExplainRegression(report, data.TargetColumn) : Explain(report, name, majority), report.Warnings.Select(w => w.Message).ToArray(), minorityRows, trainRows.Count);
        return readout with { IsBalanceTrack = true, MajorityName = majority };
    }

    /// <summary>While the thumb moves on the balance track: the minority share it would reach and the rows it would take.</summary>
    public static string PreviewAt(SliderReadout readout, double position)
    {
        var (removed, added, share) = ClassBalance.RowsFor(position, readout.GroupRows, readout.RealRows - readout.GroupRows);
        var rows = removed > 0 ? $"about {removed:N0} {readout.MajorityName} rows removed"
            : added > 0 ? $"about +{added:N0} synthetic {readout.GroupName} rows"
            : "the training rows as in the data";
        return $"At {Position(position)}: {rows}; minority {SliderReadout.Percent(share)}.";
    }

    /// <summary>A balance position as the track shows it: "−50 %", "0", "+100 %".</summary>
    public static string Position(double position) =>
        position == 0 ? "0" : (position > 0 ? "+" : "−") + Math.Abs(position * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    private static string RowsTaken(ChangeReport report, string minority, string majority) =>
        report.RowsRemoved > 0 ? $" (−{report.RowsRemoved:N0} {majority} rows)" : report.RowsAdded > 0 ? $" (+{report.RowsAdded:N0} synthetic {minority} rows)" : "";

    private static string Explain(ChangeReport report, string minority, string majority)
    {
        if (report.Side == ClassBalanceSide.UndersampleMajority && report.RowsRemoved > 0)
        {
            return $"{Capitalized(report.Method)} removed {report.RowsRemoved:N0} rows of the majority class ({majority}); every {minority} row was kept.";
        }
        if (report.Side == ClassBalanceSide.OversampleMinority && report.RowsAdded > 0)
        {
            var k = report.KUsed is { } used ? $" (k={used})" : "";
            return $"{report.Method} added {report.RowsAdded:N0} synthetic {minority} rows{k} between real {minority} rows and their nearest neighbours of the same class; no {majority} row was removed.";
        }
        return "Nothing to change: the classes already have that balance.";
    }

    /// <summary>What the rare-values track did to a numeric target's training rows, in the target's words.</summary>
    private static string ExplainRegression(ChangeReport report, string target)
    {
        if (report.Side == ClassBalanceSide.UndersampleMajority && report.RowsRemoved > 0)
        {
            return $"{Capitalized(report.Method)} removed {report.RowsRemoved:N0} rows with a common {target}; every row with a rare {target} was kept.";
        }
        if (report.Side == ClassBalanceSide.OversampleMinority && report.RowsAdded > 0)
        {
            var k = report.KUsed is { } used ? $" (k={used})" : "";
            return $"{report.Method} added {report.RowsAdded:N0} synthetic rows with a rare {target}{k}, each between a real rare-value row and one of its nearest rare-value neighbours; no row was removed.";
        }
        return $"Nothing to change: the rare values of {target} already have that share.";
    }

    /// <summary>How the readout names the group: "Minority survived = yes", or for a numeric target "Rare values of Sale_Price".</summary>
    private static string Headline(Core.Data.LabeledDataset data, string name) =>
        data.Task == Core.Data.TargetTask.Regression ? Capitalized(name) : $"Minority {name}";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
