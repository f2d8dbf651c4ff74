using Dashboard.Components.Charts;
using Dashboard.Core.Rooms;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Charts;

/// <summary>The ROC-space trajectory: one path per card through the (false-positive rate, recall) points of its runs, in run order.</summary>
public class RocTrajectoryChartTests
{
    // At 0.5 the good scores give TP 3, FN 1, FP 2, TN 6 (recall 0.75, FPR 0.25); the weak ones TP 1, FN 3, FP 3, TN 5 (recall 0.25, FPR 0.375).
    private static HistoryPoint Point(int run, string algorithm, double[] scores, string settings = "") =>
        new($"run{run}", algorithm, run == 1 ? null : "class", "class balance", 0.4, TestResults.MetricsAt(scores, 0.5), Leaky: false)
        {
            RunNumber = run,
            Settings = settings,
        };

    [Fact]
    public void Build_TwoCards_OnePathEachInRunOrder_AtTheirRates_LatestPointLarge()
    {
        // Arrived out of order: the path follows the run numbers, not the list.
        HistoryPoint[] points =
        [
            Point(3, "svm", TestResults.GoodScores, "class 'yes' 50.0%"),
            Point(1, "svm", TestResults.WeakScores),
            Point(1, "mlp", TestResults.GoodScores),
            Point(2, "svm", TestResults.GoodScores, "class 'yes' 40.0%"),
        ];

        var traces = RocTrajectoryChart.Build(points, ["lightgbm", "svm", "mlp"]).Traces;

        Assert.Equal(3, traces.Count); // the chance diagonal, svm, mlp (lightgbm has no point yet)
        var svm = (Scatter)traces[1];
        Assert.Equal("Linear SVM", svm.Name);
        Assert.Equal([0.375, 0.25, 0.25], svm.X.Select(x => Math.Round((double)x, 6)));
        Assert.Equal([0.25, 0.75, 0.75], svm.Y.Select(y => (double)y));
        Assert.Equal([7m, 7m, 14m], svm.Marker.SizeArray.Select(s => s!.Value));
        Assert.Equal("Linear SVM, run 1: the data as it is<br>recall 0.250, false-positive rate 0.375 at threshold 0.500", svm.HoverTextArray[0]);
        Assert.StartsWith("Linear SVM, run 3: class 'yes' 50.0%<br>", (string)svm.HoverTextArray[2]);
        Assert.Single(((Scatter)traces[2]).X);
    }

    [Fact]
    public void Build_SettingsWithMarkup_ShownAsTyped()
    {
        var traces = RocTrajectoryChart.Build([Point(2, "svm", TestResults.GoodScores, "note = <b>x</b> 30.0%")], ["svm"]).Traces;

        Assert.Contains("note = &lt;b&gt;x&lt;/b&gt; 30.0%<br>", (string)((Scatter)traces[1]).HoverTextArray[0]);
    }
}
