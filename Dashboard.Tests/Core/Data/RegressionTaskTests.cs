using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class RegressionTaskTests
{
    [Fact]
    public void Create_AmesSalePrice_RegressionWithReason()
    {
        var ames = LabeledDataset.Create(TestData.Bundled("ames_housing"), new TargetChoice("Sale_Price"));

        Assert.Equal(TargetTask.Regression, ames.Task);
        Assert.Equal(2930, ames.RowCount);
        Assert.Equal(73, ames.FeatureNames.Count);
        Assert.Equal(215000, ames.Regression!.Values[0]);
        Assert.Contains("numeric with 1,032 distinct values (more than 50)", ames.TaskReason);
        Assert.Equal(LabeledDataset.RareValues, ames.PositiveClass);
    }

    [Fact]
    public void Create_NumericTargetAskedAsClasses_TooManyValuesSaysRegression()
    {
        var error = Assert.Throws<DatasetException>(() =>
            LabeledDataset.Create(TestData.Bundled("ames_housing"), new TargetChoice("Sale_Price", Task: TargetTask.Classification)));

        Assert.Contains("too many to read as classes. Predict it as a number (regression)", error.Message);
    }

    [Fact]
    public void Create_FewValuedNumericAskedAsRegression_Regression()
    {
        var titanic = TestData.Bundled("titanic");

        var auto = LabeledDataset.Create(titanic, new TargetChoice("sibsp"));
        var asked = LabeledDataset.Create(titanic, new TargetChoice("sibsp", Task: TargetTask.Regression));

        Assert.Equal(TargetTask.Classification, auto.Task);
        Assert.Contains("only 7 distinct values", auto.TaskReason);
        Assert.Equal(TargetTask.Regression, asked.Task);
        Assert.Contains("as asked", asked.TaskReason);
    }

    [Fact]
    public void Create_MissingTargetValues_DroppedWithWarning()
    {
        var labeled = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("fare", ExcludedColumns: ["name"]));

        Assert.Equal(TargetTask.Regression, labeled.Task);
        Assert.Equal(2207 - 916, labeled.RowCount);
        Assert.Contains("916 row(s) were left out because their target 'fare' is missing.", labeled.Warnings);
        Assert.DoesNotContain(labeled.Regression!.Values, double.IsNaN);
    }

    [Fact]
    public void Create_CategoricalAskedAsRegression_SaysNotNumeric()
    {
        var error = Assert.Throws<DatasetException>(() =>
            LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived", Task: TargetTask.Regression)));

        Assert.Equal(DataProblem.NotNumeric, error.Problem);
        Assert.Contains("'survived' is not numeric", error.Message);
    }

    [Fact]
    public void Profile_Ames_SaysTaskAndRareCounts()
    {
        var data = TestData.Bundled("ames_housing");
        var profile = DatasetProfiler.Profile(data, LabeledDataset.Create(data, new TargetChoice("Sale_Price")));

        Assert.Equal(TargetTask.Regression, profile.Task);
        Assert.Equal("relevance 0 at 12,789, 0 at 160,000, 1 at 338,931; rare = relevance ≥ 0.5", profile.Relevance);
        Assert.Equal((LabeledDataset.RareValues, 462), (profile.ClassCounts[0].Label, profile.ClassCounts[0].Count));
    }
}
