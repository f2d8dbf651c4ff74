using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Training;

public class FeaturizerTests
{
    private static LabeledDataset Small()
    {
        const string csv = "age,city,label\n10,a,y\n20,a,n\n30,b,y\n,a,n\n40,c,n\n50,a,y\n";
        var data = CsvDatasetReader.Read(Encoding.UTF8.GetBytes(csv), "small.csv", DataLimits.Default);
        return LabeledDataset.Create(data, new TargetChoice("label"));
    }

    [Fact]
    public void Fit_NumericWithMissing_StandardizedOnTrainRowsWithIndicator()
    {
        var data = Small();
        int[] train = [0, 1, 2, 3]; // ages 10, 20, 30, missing: mean 20, population sd sqrt(200/3), median 20

        var featurizer = Featurizer.Fit(data, train, new FeaturizerOptions(MinCategoryRows: 2));
        var matrix = featurizer.Transform(data.Data);

        Assert.Equal(["age", "age (missing)", "city=a", "city=(other)"], featurizer.Slots.Select(s => s.Name));
        var sd = Math.Sqrt(200.0 / 3);
        Assert.Equal((float)(-10 / sd), matrix.Row(0)[0], 5);
        Assert.Equal(0f, matrix.Row(3)[0]); // the median, 20, standardizes to 0
        Assert.Equal([0f, 0f, 0f, 1f, 0f, 0f], Enumerable.Range(0, 6).Select(r => matrix.Row(r)[1]));
        // a test row beyond the training range keeps the training scale
        Assert.Equal((float)(30 / sd), matrix.Row(5)[0], 5);
    }

    [Fact]
    public void Transform_RareAndUnseenCategories_GoToOther()
    {
        var data = Small();
        int[] train = [0, 1, 2, 3];

        var matrix = Featurizer.Fit(data, train, new FeaturizerOptions(MinCategoryRows: 2)).Transform(data.Data);

        Assert.Equal([1f, 0f], new[] { matrix.Row(0)[2], matrix.Row(0)[3] }); // a: frequent
        Assert.Equal([0f, 1f], new[] { matrix.Row(2)[2], matrix.Row(2)[3] }); // b: rare in training
        Assert.Equal([0f, 1f], new[] { matrix.Row(4)[2], matrix.Row(4)[3] }); // c: never seen in training
    }

    [Fact]
    public void Transform_SyntheticBlockWithOwnDictionary_MapsByCategoryText()
    {
        var data = Small();
        var featurizer = Featurizer.Fit(data, [0, 1, 2, 3, 4, 5], new FeaturizerOptions(MinCategoryRows: 1));
        // A synthetic block whose dictionary lists the categories in another order.
        var synthetic = new Dataset("synthetic",
        [
            new NumericColumn("age", [25]),
            new CategoricalColumn("city", [0], ["c", "a"]),
            new CategoricalColumn("label", [0], ["y"]),
        ]);

        var row = featurizer.Transform(synthetic).Row(0).ToArray();

        var c = featurizer.Slots.Select(s => s.Name).ToList().IndexOf("city=c");
        Assert.Equal(1f, row[c]);
        Assert.Equal(1f, row.Skip(2).Sum());
    }

    [Fact]
    public void Create_Titanic_TestRowsFeaturizedWithTrainStatisticsOnly()
    {
        var data = LabeledDataset.Create(TestData.Bundled("titanic"), new TargetChoice("survived"));
        var split = StratifiedSplitter.Split(data.Labels, 0.25, 42);

        var featurized = FeaturizedSplit.Create(data, split);

        Assert.Equal(split.TestRows.Count, featurized.Test.Rows);
        // Standardized on the training rows: the training mean of every numeric slot is ~0.
        var train = featurized.AllRows.SelectRows(split.TrainRows);
        var age = featurized.Featurizer.Slots.Select(s => s.Name).ToList().IndexOf("age");
        var mean = Enumerable.Range(0, train.Rows).Where(r => !data.Data.Column("age").IsMissing(split.TrainRows[r])).Average(r => train.Row(r)[age]);
        Assert.InRange(mean, -1e-4, 1e-4);
        Assert.DoesNotContain(featurized.Featurizer.Slots, s => s.SourceColumn is "name" or "ticketno" or "survived");
    }
}
