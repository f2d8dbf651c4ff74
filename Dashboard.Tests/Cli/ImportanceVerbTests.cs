namespace Dashboard.Tests.Cli;

public class ImportanceVerbTests
{
    [Fact]
    public void Importance_BreastCancerJson_RanksEveryFeatureOnce()
    {
        var (data, _) = CliData.Bundled("breast_cancer_wisconsin");

        var json = CliRunner.RunJson("importance", "--data", "breast_cancer_wisconsin", "--repeats", "3", "--json");

        Assert.Equal("lightgbm", json.GetProperty("model").GetString());
        Assert.Equal("rocAuc", json.GetProperty("metric").GetString());
        Assert.InRange(json.GetProperty("testScore").GetDouble(), 0.95, 1);
        var columns = json.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(data.FeatureNames.Order(StringComparer.Ordinal), columns.Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, columns.Length), columns.Select(c => c.GetProperty("rank").GetInt32()));
        var drops = columns.Select(c => c.GetProperty("meanDrop").GetDouble()).ToArray();
        Assert.Equal(drops.OrderDescending(), drops);
        Assert.All(columns, c => Assert.Equal(3, c.GetProperty("drops").GetArrayLength()));
    }

    [Fact]
    public void Importance_TitanicTable_GenderFirst()
    {
        var (code, output, _) = CliRunner.Run("importance", "--data", "titanic", "--model", "logistic", "--metric", "f1", "--repeats", "2");

        Assert.Equal(0, code);
        Assert.Contains("titanic.csv: predicting 'survived' (positive class 'yes'); Logistic regression trained on 1,655 rows, test F1", output);
        Assert.Matches(@"rank\s+column\s+mean drop\s+spread\r?\n[-\s]+\r?\n1\s+gender\s+0\.\d{4}", output);
        Assert.DoesNotMatch(@"\n\d+\s+(name|ticketno|survived)\s", output);
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("balanced-random-forest")]
    public void Importance_GainMethod_SharesOfEveryColumnSumToOne(string model)
    {
        var (data, _) = CliData.Bundled("titanic");

        var json = CliRunner.RunJson("importance", "--data", "titanic", "--model", model, "--method", "gain", "--json");

        Assert.Equal("gain", json.GetProperty("method").GetString());
        var columns = json.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(data.FeatureNames.Order(StringComparer.Ordinal), columns.Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        var shares = columns.Select(c => c.GetProperty("share").GetDouble()).ToArray();
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.Equal(1.0, shares.Sum(), 9);
        // On titanic the trees split on gender for most of their gain, as permutation importance ranks it first too.
        Assert.Contains(columns.Take(3), c => c.GetProperty("column").GetString() == "gender");
    }

    [Theory]
    [InlineData("lightgbm", "treeShap")]
    [InlineData("logistic", "samplingShapley")]
    public void Importance_ShapMethod_MeanAbsoluteContributionOfEveryColumn(string model, string explanation)
    {
        var (data, _) = CliData.Bundled("titanic");

        var json = CliRunner.RunJson("importance", "--data", "titanic", "--model", model, "--method", "shap", "--json");

        Assert.Equal(explanation, json.GetProperty("explanation").GetString());
        Assert.Equal(100, json.GetProperty("rows").GetInt32());
        var columns = json.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(data.FeatureNames.Order(StringComparer.Ordinal), columns.Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        var means = columns.Select(c => c.GetProperty("meanAbsoluteContribution").GetDouble()).ToArray();
        Assert.Equal(means.OrderDescending(), means);
        Assert.All(means, m => Assert.True(m >= 0));
        // As with the other two rankings, gender moves titanic's scores most.
        Assert.Contains(columns.Take(3), c => c.GetProperty("column").GetString() == "gender");
    }

    [Fact]
    public void Importance_ShapMethod_NumericTarget_ClearMessage()
    {
        var error = CliRunner.RunError("importance", "--data", "ames_housing", "--method", "shap");

        Assert.Contains("--method shap is offered for classifiers only; for a numeric target use --method permutation (the drop in R²).", error);
    }

    [Fact]
    public void Importance_SameSeed_SameRanking()
    {
        string[] args = ["importance", "--data", "breast_cancer_wisconsin", "--model", "logistic", "--repeats", "2", "--json"];

        var first = CliRunner.RunJson(args).GetProperty("columns").GetRawText();
        var second = CliRunner.RunJson(args).GetProperty("columns").GetRawText();

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("error: --model: there is no algorithm 'xgboost'. Choose from: lightgbm, random-forest, svm, mlp, fasttree, logistic, balanced-random-forest, balanced-bagging, easy-ensemble, rusboost, isolation-forest, pca-anomaly.", "--model", "xgboost")]
    [InlineData("error: --metric 'auc' is not offered. Choose one of: roc-auc, f1, r2.", "--metric", "auc")]
    [InlineData("error: --repeats must be between 1 and 100; 0 was given.", "--repeats", "0")]
    [InlineData("error: 'maybe' is not a class of the target 'survived'. Its classes are: no, yes.", "--positive", "maybe")]
    [InlineData("error: --method 'lime' is not offered. Choose permutation, gain or shap.", "--method", "lime")]
    [InlineData("error: --method gain reads split gains off a tree model; 'svm' has none. Use a tree model (lightgbm, fasttree, balanced-random-forest, …) or --method permutation.",
        "--method", "gain", "--model", "svm")]
    public void Importance_BadOption_PrintsItsMessage(string message, params string[] options)
    {
        var error = CliRunner.RunError(["importance", "--data", "titanic", .. options]);

        Assert.StartsWith(message, error);
    }
}
