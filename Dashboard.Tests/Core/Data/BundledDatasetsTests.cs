using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class BundledDatasetsTests
{
    [Fact]
    public void Load_Titanic_KnownShapeClassCountsAndMissing()
    {
        var data = TestData.Bundled("titanic");

        Assert.Equal(2207, data.RowCount);
        Assert.Equal(11, data.Columns.Count);
        var labeled = LabeledDataset.Create(data, new TargetChoice("survived"));
        Assert.Equal("yes", labeled.PositiveClass); // the minority class by default
        Assert.Equal(711, labeled.PositiveCount);
        Assert.Equal(1496, labeled.NegativeCount);
        var gender = Assert.IsType<CategoricalColumn>(data.Column("gender"));
        Assert.Equal(489, gender.CountByCode()[gender.CodeOf("female")]);
        Assert.Equal(1718, gender.CountByCode()[gender.CodeOf("male")]);
        Assert.Equal(3690, data.Columns.Sum(c => c.MissingCount));
        Assert.Equal(916, data.Column("fare").MissingCount);
        Assert.Equal(ColumnKind.Numeric, data.Column("age").Kind);
        Assert.Equal(ColumnKind.Categorical, data.Column("class").Kind);
        Assert.Equal(2202, data.Column("name").DistinctCount);
        Assert.Equal("Ådahl, Mr. Mauritz", Enumerable.Range(0, data.RowCount).Select(r => data.Column("name").FormatValue(r)).First(n => n.StartsWith('Å')));
    }

    [Fact]
    public void Create_TitanicDefaults_ExcludeNameAndTicketNo()
    {
        var labeled = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived"));

        Assert.Equal(["name", "ticketno"], labeled.ExcludedColumns.Order());
        Assert.Equal(["gender", "age", "class", "embarked", "country", "fare", "sibsp", "parch"], labeled.FeatureNames);
    }

    [Fact]
    public void Load_LendingClub_KnownCounts()
    {
        var data = TestData.Bundled("lending_club");

        var labeled = LabeledDataset.Create(data, new TargetChoice("Class"));

        Assert.Equal(9857, data.RowCount);
        Assert.Equal(23, data.Columns.Count);
        Assert.Equal("bad", labeled.PositiveClass);
        Assert.Equal(517, labeled.PositiveCount);
        Assert.Equal(9340, labeled.NegativeCount);
        Assert.Equal(0, data.Columns.Sum(c => c.MissingCount));
        Assert.Equal(35, data.Column("sub_grade").DistinctCount);
    }

    [Fact]
    public void Load_BreastCancer_AllNumericFeatures()
    {
        var data = TestData.Bundled("breast_cancer_wisconsin");

        var labeled = LabeledDataset.Create(data, new TargetChoice("diagnosis"));

        Assert.Equal(569, data.RowCount);
        Assert.Equal("malignant", labeled.PositiveClass);
        Assert.Equal(212, labeled.PositiveCount);
        Assert.Equal(30, labeled.FeatureNames.Count);
        Assert.All(labeled.FeatureNames, n => Assert.Equal(ColumnKind.Numeric, data.Column(n).Kind));
    }

    [Fact]
    public void Create_ExplicitPositiveClass_IsUsed()
    {
        var labeled = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived", "no"));

        Assert.Equal("no", labeled.PositiveClass);
        Assert.Equal("yes", labeled.NegativeClass);
        Assert.Equal(1496, labeled.PositiveCount);
    }

    [Fact]
    public void Create_MultiClassTarget_OneVsRestWithWarning()
    {
        var labeled = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("class", "1st"));

        Assert.True(labeled.IsOneVsRest);
        Assert.Equal("not 1st", labeled.NegativeClass);
        Assert.Equal(324, labeled.PositiveCount);
        Assert.Contains(labeled.Warnings, w => w.Contains("one-vs-rest"));
    }

    [Fact]
    public void Load_ByName_CaseInsensitive()
    {
        Assert.Equal(569, BundledDatasets.LoadNameOrPath("Breast_Cancer_Wisconsin", DataLimits.Default).RowCount);
    }
}
