using System.Globalization;
using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>How a run's result becomes a point of the room's history: the runs table and the history chart.</summary>
public static class RoomHistory
{
    /// <summary>The point of one result: plotted against the slider moved before its run, at that slider's share after resampling.</summary>
    public static HistoryPoint PointFor(RunPlan plan, RoomView view, AlgorithmResult result, TrainingSummary training)
    {
        var split = view.Workspace!.Split;
        var state = plan.State;
        var slider = state.Sliders.FirstOrDefault(s => s.Id == plan.MovedSliderId);
        var report = slider is null ? null : state.ReportOf(slider, training);
        var point = slider is null
            ? new HistoryPoint(plan.RunId, result.AlgorithmId, null, "baseline",
                FocusGroupShare.Of(state.Sliders.First(s => s.IsClassSlider).Group, split.Data, split.Split.TrainRows), result.Metrics, training.Leaky)
            : new HistoryPoint(plan.RunId, result.AlgorithmId, slider.Id, slider.Group.Describe(split.Data),
                report?.ShareAfter ?? FocusGroupShare.Of(slider.Group, split.Data, split.Split.TrainRows), result.Metrics, training.Leaky);
        // On the class-balance track the position is the minority's share either way; the side says how it got there.
        return point with
        {
            Predictions = result.Metrics is null ? null : (result.TestScores, result.TestLabels),
            Regression = result.Regression,
            Settings = SettingsOf(plan, view, training), Side = report?.Side,
        };
    }

    /// <summary>The sliders a run was made with, as a row of the runs table shows them.</summary>
    private static string SettingsOf(RunPlan plan, RoomView view, TrainingSummary training)
    {
        var data = view.Workspace!.Split.Data;
        var moved = plan.IsBaseline ? [] : plan.State.Sliders.Where(s => !s.IsNeutral).ToArray();
        return moved.Length == 0
            ? "every slider at neutral"
            : string.Join(" · ", moved.Select(s => SettingOf(s, plan.State.ReportOf(s, training), data)));
    }

    /// <summary>One slider away from neutral: "gender = female 40.0%", or "class 'yes' 45.0% (majority undersampled)".</summary>
    private static string SettingOf(SliderState slider, Resampling.ChangeReport? report, Data.LabeledDataset data)
    {
        var share = report?.ShareAfter ?? slider.TargetShare;
        var reached = share is { } s ? $" {Percent(s)}" : "";
        return slider.Balance is { } position
            ? $"{slider.Group.Describe(data)}{reached} ({Side(position, data.Task)})"
            : $"{slider.Group.Describe(data)}{reached}";
    }

    private static string Side(double position, Data.TargetTask task) => (position < 0, task) switch
    {
        (true, Data.TargetTask.Regression) => "common values undersampled",
        (false, Data.TargetTask.Regression) => "rare values oversampled",
        (true, _) => "majority undersampled",
        _ => "minority oversampled",
    };

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
