using Dashboard.Components.History;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Dashboard.Tests.Export;

namespace Dashboard.Tests.History;

public class RunComparisonModelTests
{
    // Run 1: random forest eager (TP 3 FP 2 TN 5 FN 0); run 2: random forest good (TP 2 FP 1 TN 6 FN 1), with other settings.
    private static readonly RunComparisonModel Model = new(
    [
        RunFixtures.Run("one", RunFixtures.Start, results: [RunFixtures.Result("random-forest", RunFixtures.EagerScores), RunFixtures.Result("svm", RunFixtures.ShyScores)]),
        RunFixtures.Run("two", RunFixtures.Start.AddMinutes(1), reason: "moved class balance to 0.6",
            results: [RunFixtures.Result("random-forest", RunFixtures.GoodScores, HyperparameterValues.Defaults.With("trees", 50)), RunFixtures.Result("svm", RunFixtures.ShyScores)]),
    ]);

    [Fact]
    public void Metric_DifferentRuns_DeltaAgainstFirstAndBestMarked()
    {
        var f1 = Model.Metric("random-forest", MetricId.F1);
        var precision = Model.Metric("random-forest", MetricId.Precision);

        Assert.Equal(0.75, f1[0].Value!.Value, 12);
        Assert.Null(f1[0].Delta);
        Assert.Equal(2.0 / 3 - 0.75, f1[1].Delta!.Value, 12);
        Assert.Equal([true, false], f1.Select(v => v.IsBest));
        Assert.Equal([false, true], f1.Select(v => v.Differs));
        Assert.Equal([false, true], precision.Select(v => v.IsBest)); // 0.6 then 0.667
    }

    [Fact]
    public void Metric_LeakyRunScoresHighest_NeverMarkedBest()
    {
        var model = new RunComparisonModel(
        [
            RunFixtures.Run("honest", RunFixtures.Start, results: [RunFixtures.Result("random-forest", RunFixtures.EagerScores)]),
            RunFixtures.Run("leaky", RunFixtures.Start.AddMinutes(1), leaky: true,
                results: [RunFixtures.Result("random-forest", RunFixtures.Labels.Select(l => (double)l).ToArray())]),
        ]);

        var f1 = model.Metric("random-forest", MetricId.F1);

        Assert.Equal(1.0, f1[1].Value!.Value, 12); // perfect, because it cheated
        Assert.Equal([false, false], f1.Select(v => v.IsBest)); // one honest run: nothing to be best among
    }

    [Fact]
    public void Metric_SameValueInEveryRun_NoBestNoDifference()
    {
        var f1 = Model.Metric("svm", MetricId.F1);

        Assert.All(f1, v => Assert.False(v.IsBest));
        Assert.All(f1, v => Assert.False(v.Differs));
        Assert.Equal(0.0, f1[1].Delta);
    }

    [Fact]
    public void Cell_FalseOnesLowerIsBetter_TrueOnesHigher()
    {
        var falsePositives = Model.Cell("random-forest", m => m.FalsePositives, higherIsBetter: false);
        var truePositives = Model.Cell("random-forest", m => m.TruePositives, higherIsBetter: true);

        Assert.Equal([2.0, 1.0], falsePositives.Select(v => v.Value!.Value));
        Assert.Equal([false, true], falsePositives.Select(v => v.IsBest));
        Assert.Equal(-1.0, falsePositives[1].Delta);
        Assert.Equal([true, false], truePositives.Select(v => v.IsBest));
    }

    [Fact]
    public void Metric_AlgorithmMissingOrFailedInARun_NullValue()
    {
        var model = new RunComparisonModel([RunFixtures.Run("a", RunFixtures.Start), RunFixtures.Run("b", RunFixtures.Start, results: [RunFixtures.Failed("lightgbm")])]);

        var f1 = model.Metric("lightgbm", MetricId.F1);
        var svm = model.Metric("svm", MetricId.F1);

        Assert.Null(f1[1].Value);
        Assert.Null(f1[1].Delta);
        Assert.False(f1[0].IsBest); // nothing to beat
        Assert.Null(svm[1].Value);
    }

    [Fact]
    public void Settings_OnlyRowsThatDifferAreMarked()
    {
        var settings = Model.Settings().ToDictionary(s => s.Label);

        Assert.True(settings["Change"].Differs);
        Assert.True(settings["Random forest settings"].Differs);
        Assert.Equal("trees=50; class weight none", settings["Random forest settings"].Values[1]);
        Assert.False(settings["Linear SVM settings"].Differs);
        Assert.False(settings["Split"].Differs);
        Assert.Equal(["Random forest", "Linear SVM"], Model.Algorithms.Select(a => a.Name)); // catalog order
    }
}
