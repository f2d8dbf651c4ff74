using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Cli;

public class LoopVerbTests
{
    private static readonly string[] MetricNames =
        ["accuracy", "precision", "recall", "specificity", "f1", "f2", "balancedAccuracy", "geometricMean", "mcc", "rocAuc", "prAuc"];

    [Fact]
    public void Loop_FourAlgorithmsOnTitanic_JsonHasEveryMetricAndRowCount()
    {
        var json = CliRunner.RunJson("loop", "--data", "titanic", "--class-share", "0.5", "--json");

        var algorithms = json.GetProperty("algorithms").EnumerateArray().ToArray();
        Assert.Equal(new[] { "lightgbm", "random-forest", "svm", "mlp" }, algorithms.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal([1, 2, 3, 4], algorithms.Select(a => a.GetProperty("completionOrder").GetInt32()).Order());
        var after = json.GetProperty("resampling").GetProperty("trainingRows").GetProperty("after").GetProperty("total").GetInt32();
        Assert.Equal(2244, after);
        Assert.Equal(1655, json.GetProperty("resampling").GetProperty("trainingRows").GetProperty("before").GetProperty("total").GetInt32());
        foreach (var algorithm in algorithms)
        {
            Assert.Equal("completed", algorithm.GetProperty("status").GetString());
            Assert.Equal(after, algorithm.GetProperty("trainingRows").GetInt32());
            Assert.True(algorithm.GetProperty("fitSeconds").GetDouble() > 0);
            var metrics = algorithm.GetProperty("metrics");
            Assert.All(MetricNames, name => Assert.InRange(metrics.GetProperty(name).GetDouble(), -1, 1));
            var confusion = metrics.GetProperty("confusion");
            Assert.Equal(552, confusion.GetProperty("total").GetInt32());
            Assert.Equal(178, confusion.GetProperty("truePositives").GetInt32() + confusion.GetProperty("falseNegatives").GetInt32());
            Assert.Equal(178, metrics.GetProperty("supportPositive").GetInt32());
        }
        Assert.True(json.GetProperty("firstResultSeconds").GetDouble() <= json.GetProperty("allResultsSeconds").GetDouble());
    }

    [Fact]
    public void Loop_ScoresOut_OneRowPerTestRowPerAlgorithm_MatchingTheSplit()
    {
        using var file = new TempCsv();
        var (data, split) = CliData.Bundled("breast_cancer_wisconsin");

        var json = CliRunner.RunJson("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "logistic,lightgbm", "--json", "--scores-out", file.Path);

        var lines = File.ReadAllLines(file.Path);
        Assert.Equal("algorithm,row,y_true,y_score", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(2 * split.TestRows.Count, rows.Length);
        foreach (var algorithm in json.GetProperty("algorithms").EnumerateArray())
        {
            var id = algorithm.GetProperty("id").GetString();
            var mine = rows.Where(r => r[0] == id).ToArray();
            Assert.Equal(split.TestRows, mine.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
            Assert.Equal(split.TestRows.Select(r => data.Labels[r]), mine.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
            var scores = mine.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
            Assert.All(scores, s => Assert.InRange(s, 0, 1));
            var labels = mine.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(algorithm.GetProperty("metrics").GetProperty("rocAuc").GetDouble(), new ScoredPredictions(labels, scores).RocAuc, 12);
        }
    }

    [Fact]
    public void Loop_BestThreshold_ChosenOnValidationRows_TestMetricsAtIt()
    {
        var json = CliRunner.RunJson("loop", "--data", "lending_club", "--algorithms", "logistic", "--best-threshold", "f1", "--json");

        var algorithm = json.GetProperty("algorithms")[0];
        var best = algorithm.GetProperty("bestThreshold");
        var threshold = best.GetProperty("threshold").GetDouble();
        var expected = ValidationThreshold.Find(TrainingFixtures.LendingClub, [], AlgorithmSettings.Default(AlgorithmCatalog.Get("logistic")),
            MetricId.F1, 42, CancellationToken.None);
        Assert.Equal(expected.Choice.Threshold, threshold, 6);
        Assert.Equal(expected.ValidationRows, best.GetProperty("validationRows").GetInt32());
        // At 0.5 a logistic model flags almost no one on 5 % positives; at the chosen threshold the test F1 is far above it.
        var f1AtHalf = algorithm.GetProperty("metrics").GetProperty("f1").GetDouble();
        Assert.True(best.GetProperty("testMetrics").GetProperty("f1").GetDouble() > f1AtHalf + 0.05);
        Assert.Equal(threshold, best.GetProperty("testMetrics").GetProperty("threshold").GetDouble(), 9);
    }

    [Fact]
    public void Loop_Costs_ExpectedCostPerRow_AndLowestCostThreshold()
    {
        var json = CliRunner.RunJson("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "logistic",
            "--cost-fn", "5", "--cost-fp", "1", "--best-threshold", "cost", "--json");

        Assert.Equal(1 / 6.0, json.GetProperty("costs").GetProperty("theoreticalThreshold").GetDouble(), 12);
        var algorithm = json.GetProperty("algorithms")[0];
        Assert.Equal(CostOf(algorithm.GetProperty("metrics").GetProperty("confusion")), algorithm.GetProperty("expectedCost").GetDouble(), 12);
        var best = algorithm.GetProperty("bestThreshold");
        Assert.Equal("lowest expected cost", best.GetProperty("objective").GetString());
        Assert.Equal(CostOf(best.GetProperty("testMetrics").GetProperty("confusion")), best.GetProperty("testExpectedCost").GetDouble(), 12);
        var expected = ValidationThreshold.FindLowestCost(TrainingFixtures.BreastCancer, [], AlgorithmSettings.Default(AlgorithmCatalog.Get("logistic")),
            new CostMatrix(5, 1), 42, CancellationToken.None);
        Assert.Equal(expected.Choice.Threshold, best.GetProperty("threshold").GetDouble(), 6);

        static double CostOf(JsonElement confusion)
        {
            int Count(string name) => confusion.GetProperty(name).GetInt32();
            var rows = Count("truePositives") + Count("falsePositives") + Count("trueNegatives") + Count("falseNegatives");
            return (5.0 * Count("falseNegatives") + Count("falsePositives")) / rows;
        }
    }

    [Fact]
    public void Loop_ClassWeightFromCosts_PositiveRowsWeighTheCostRatio_AndRecallRises()
    {
        string[] run = ["loop", "--data", "lending_club", "--algorithms", "logistic", "--cost-fn", "8", "--cost-fp", "2", "--json"];

        var plain = CliRunner.RunJson(run).GetProperty("algorithms")[0];
        var weighted = CliRunner.RunJson([.. run, "--class-weight", "from-costs"]).GetProperty("algorithms")[0];

        Assert.Equal("none", plain.GetProperty("classWeight").GetString());
        Assert.Equal("from costs (positive rows weigh C_FN / C_FP = 4)", weighted.GetProperty("classWeight").GetString());
        // At threshold 0.5 the weighted model calls more rows positive, so it finds more of the 5 % positives.
        double Recall(JsonElement algorithm) => algorithm.GetProperty("metrics").GetProperty("recall").GetDouble();
        Assert.True(Recall(weighted) > Recall(plain) + 0.05, $"recall {Recall(plain):F3} -> {Recall(weighted):F3}");
    }

    [Fact]
    public void Loop_NegativeCost_ClearMessage()
    {
        var error = CliRunner.RunError("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "logistic", "--cost-fp", "-2");

        Assert.Contains("--cost-fn / --cost-fp: The cost of a false positive must be a number at or above 0; -2 was given.", error);
    }

    [Fact]
    public void Loop_ThresholdZero_CallsEveryTestRowPositive()
    {
        var json = CliRunner.RunJson("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "logistic", "--threshold", "0", "--json");

        var confusion = json.GetProperty("algorithms")[0].GetProperty("metrics").GetProperty("confusion");
        Assert.Equal(0, confusion.GetProperty("trueNegatives").GetInt32());
        Assert.Equal(0, confusion.GetProperty("falseNegatives").GetInt32());
        Assert.Equal(53, confusion.GetProperty("truePositives").GetInt32());
        Assert.Equal(0.0, json.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Loop_FeatureChange_ReportsTheSameResamplingAsTheResampleVerb()
    {
        using var file = new TempCsv();
        string[] change = ["--data", "titanic", "--feature", "class", "--category", "1st", "--share", "0.3", "--under", "random"];

        var resample = CliRunner.RunJson(["resample", .. change, "--out", file.Path]);
        var loop = CliRunner.RunJson(["loop", .. change, "--algorithms", "logistic", "--json"]);

        var fromResample = resample.GetProperty("resampling");
        var fromLoop = loop.GetProperty("resampling");
        Assert.Equal(fromResample.GetProperty("trainingRows").GetRawText(), fromLoop.GetProperty("trainingRows").GetRawText());
        Assert.Equal(fromResample.GetProperty("changes").GetRawText(), fromLoop.GetProperty("changes").GetRawText());
        Assert.Equal(fromLoop.GetProperty("trainingRows").GetProperty("after").GetProperty("total").GetInt32(),
            loop.GetProperty("algorithms")[0].GetProperty("trainingRows").GetInt32());
    }

    [Fact]
    public void Loop_Table_ShowsEveryMetricTheConfusionMatrixTimesAndRows()
    {
        var (code, output, _) = CliRunner.Run("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "lightgbm,logistic", "--class-share", "0.5");

        Assert.Equal(0, code);
        Assert.Contains("breast_cancer_wisconsin.csv: predicting 'diagnosis' (positive class 'malignant'); seed 42, 427 training and 142 test rows", output);
        Assert.Contains("Training rows: 427 (malignant 159, benign 268) before, 536 (malignant 268, benign 268) after (109 synthetic)", output);
        Assert.Matches(@"\n\s+lightgbm\s+logistic\r?\n", output);
        Assert.All(MetricCatalog.All, m => Assert.Matches($@"\n{System.Text.RegularExpressions.Regex.Escape(m.DisplayName)}\s+\d\.\d{{4}}\s+\d\.\d{{4}}", output));
        foreach (var row in new[] { "true positives", "false positives", "true negatives", "false negatives", "support malignant", "support benign", "fit seconds", "score seconds" })
        {
            Assert.Matches($@"\n{row}\s+[\d.,]+\s+[\d.,]+", output);
        }
        Assert.Matches(@"\ntraining rows\s+536\s+536", output);
    }

    [Theory]
    [InlineData("error: --threshold must be between 0 and 1 (scores are probabilities); 1.5 was given.", "--threshold", "1.5")]
    [InlineData("error: --best-threshold 'roc-auc' is not a metric a threshold can be chosen for. Choose one of: accuracy, precision, recall, specificity, f1, f2, balanced-accuracy, geometric-mean, mcc, cost.",
        "--best-threshold", "roc-auc")]
    [InlineData("error: --algorithms: there is no algorithm 'xgboost'. Choose from: lightgbm, random-forest, svm, mlp, fasttree, logistic, balanced-random-forest, balanced-bagging, easy-ensemble, rusboost, isolation-forest, pca-anomaly.", "--algorithms", "lightgbm,xgboost")]
    [InlineData("error: --algorithms names 'svm' twice; list each algorithm once.", "--algorithms", "svm,svm")]
    [InlineData("error: --class-weight: 'heavy' is not none, balanced, from-costs or a positive row's weight above 0 and at most 1000.", "--class-weight", "heavy")]
    [InlineData("error: --class-weight: from-costs needs --cost-fp above 0 and --cost-fn / --cost-fp at most 1000.", "--class-weight", "from-costs", "--cost-fp", "0")]
    [InlineData("error: --algorithms needs at least one algorithm, e.g. lightgbm,random-forest,svm,mlp.", "--algorithms", ",")]
    [InlineData("error: --class-share must be a number between 0 and 1 (exclusive), e.g. 0.3; '-0.2' was given.", "--class-share", "-0.2")]
    [InlineData("error: 'Z' is not a category of 'embarked'.", "--feature", "embarked", "--category", "Z", "--share", "0.3")]
    [InlineData("error: The target 'fare2' is not a column of 'titanic.csv'.", "--target", "fare2")]
    public void Loop_BadOption_PrintsItsMessage(string message, params string[] options)
    {
        var error = CliRunner.RunError(["loop", "--data", "titanic", .. options]);

        Assert.StartsWith(message, error);
    }

    [Fact]
    public void Loop_UnwritableScoresOut_PrintsTheFileProblem()
    {
        var error = CliRunner.RunError("loop", "--data", "breast_cancer_wisconsin", "--algorithms", "logistic", "--scores-out", "/nonexistent-folder/s.csv");

        Assert.StartsWith("error: Cannot write '/nonexistent-folder/s.csv': ", error);
    }
}
