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
        var point = slider is null
            ? new HistoryPoint(plan.RunId, result.AlgorithmId, null, "baseline",
                FocusGroupShare.Of(state.Sliders.First(s => s.IsClassSlider).Group, split.Data, split.Split.TrainRows), result.Metrics!, training.Leaky)
            : new HistoryPoint(plan.RunId, result.AlgorithmId, slider.Id, slider.Group.Describe(split.Data),
                state.ReportOf(slider, training)?.ShareAfter ?? FocusGroupShare.Of(slider.Group, split.Data, split.Split.TrainRows), result.Metrics!, training.Leaky);
        return point with { Predictions = (result.TestScores, result.TestLabels), Settings = SettingsOf(plan, view, training) };
    }

    /// <summary>The sliders a run was made with, as a row of the runs table shows them.</summary>
    private static string SettingsOf(RunPlan plan, RoomView view, TrainingSummary training)
    {
        var data = view.Workspace!.Split.Data;
        var moved = plan.IsBaseline ? [] : plan.State.Sliders.Where(s => s.TargetShare is not null).ToArray();
        return moved.Length == 0
            ? "every slider at neutral"
            : string.Join(" · ", moved.Select(s => $"{s.Group.Describe(data)} {Percent(plan.State.ReportOf(s, training)?.ShareAfter ?? s.TargetShare!.Value)}"));
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
