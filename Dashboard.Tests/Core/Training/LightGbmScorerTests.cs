using Dashboard.Core.Training;
using Dashboard.Core.Training.Algorithms;

namespace Dashboard.Tests.Core.Training;

/// <summary>
/// The LightGBM seat scores test rows by walking its trees itself (<see cref="LightGbmScorer"/>): the probabilities must be
/// ML.NET's own scorer's, bit for bit, or cached results and fresh fits would part ways.
/// </summary>
public sealed class LightGbmScorerTests
{
    public static TheoryData<string, string, bool> BundledSets() => new()
    {
        { "titanic", "survived", false },
        { "lending_club", "Class", false },
        { "lending_club", "Class", true },
        { "breast_cancer_wisconsin", "diagnosis", false },
    };

    [Theory]
    [MemberData(nameof(BundledSets))]
    public void Probabilities_EqualMlNetScorer_BitForBit(string dataSet, string target, bool balanced)
    {
        var split = TrainingFixtures.Prepare(dataSet, target);
        var rows = TrainingFixtures.Baseline(split);
        var weighting = balanced ? new ClassWeighting(ClassWeightMode.Balanced) : ClassWeighting.None;
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, HyperparameterValues.Defaults, weighting, 42);

        var model = Assert.IsType<MlNetData.TreeClassifier>(AlgorithmCatalog.Get("lightgbm").Train(input, CancellationToken.None));

        Assert.True(model.WalksTreesDirectly);
        var walked = model.PredictProbabilities(split.Test);
        var mlNet = model.Column(split.Test, "Probability");
        Assert.Equal(mlNet.Length, walked.Length);
        for (var i = 0; i < walked.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(mlNet[i]) == BitConverter.SingleToInt32Bits(walked[i]), $"row {i}: ML.NET {mlNet[i]:R}, walked {walked[i]:R}");
        }
        Assert.True(walked.Distinct().Count() > 10, "the model should rank the rows, not score them all alike");
    }

    [Fact]
    public void Probabilities_RowsWithMissingValues_LeftToMlNet()
    {
        var split = TrainingFixtures.BreastCancer;
        var rows = TrainingFixtures.Baseline(split);
        var input = new TrainingInput(split.TrainingMatrix(rows.OriginalRows), rows.Labels, HyperparameterValues.Defaults, ClassWeighting.None, 1);
        var model = Assert.IsType<MlNetData.TreeClassifier>(AlgorithmCatalog.Get("lightgbm").Train(input, CancellationToken.None));
        var test = split.Test.SelectRows(Enumerable.Range(0, 20).ToArray());
        Array.Fill(test.Values, float.NaN, 0, test.Columns);

        Assert.Equal(model.Column(test, "Probability"), model.PredictProbabilities(test));
    }
}
