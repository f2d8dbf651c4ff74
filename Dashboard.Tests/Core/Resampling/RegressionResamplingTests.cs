using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using static Dashboard.Tests.Core.Resampling.ResamplingTestData;

namespace Dashboard.Tests.Core.Resampling;

/// <summary>SMOTER, SMOGN, Gaussian noise and random undersampling on ames_housing's Sale_Price (regression).</summary>
public class RegressionResamplingTests
{
    private static readonly Lazy<(LabeledDataset Data, DataSplit Split)> Ames = new(() =>
    {
        var data = Bundled("ames_housing");
        return (data, StratifiedSplitter.Split(data.Labels, 0.25, 42));
    });

    private static LabeledDataset Data => Ames.Value.Data;

    private static IReadOnlyList<int> TrainRows => Ames.Value.Split.TrainRows;

    [Theory]
    [InlineData(OversamplingMethod.Smote)]
    [InlineData(OversamplingMethod.SmoteR)]
    public void Apply_SmoteR_TargetBetweenParentsAndFeaturesOnSegment(OversamplingMethod method)
    {
        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(new ClassGroup(1), 0.4, Over: method)], seed: 5);

        var target = (NumericColumn)result.Synthetic.Column("Sale_Price");
        var area = (NumericColumn)result.Synthetic.Column("Gr_Liv_Area");
        var sourceArea = (NumericColumn)Data.Data.Column("Gr_Liv_Area");
        var y = Data.Regression!.Values;
        Assert.NotEqual(0, result.Synthetic.RowCount);
        Assert.StartsWith("SMOTER", result.Changes[0].Method);
        for (var i = 0; i < result.Synthetic.RowCount; i++)
        {
            var origin = result.SyntheticOrigins[i];
            var (a, b) = (sourceArea[origin.BaseRow], sourceArea[origin.NeighbourRow]);
            Assert.InRange(target[i], Math.Min(y[origin.BaseRow], y[origin.NeighbourRow]), Math.Max(y[origin.BaseRow], y[origin.NeighbourRow]));
            Assert.Equal(a + origin.Step * (b - a), area[i], 1e-9 * (a + b));
            Assert.True(Data.Regression.Relevance.IsRare(target[i]), $"row {i}: {target[i]} is not rare");
            Assert.Equal(1, result.SyntheticLabels[i]);
        }
    }

    [Fact]
    public void Apply_SmoteRNumericOnly_TargetIsDistanceWeightedMean()
    {
        // Numeric features only: the new row is at u along the segment, so d₁ = u·D and d₂ = (1 - u)·D,
        // and (d₂·y(x) + d₁·y(n)) / (d₁ + d₂) = y(x) + u·(y(n) - y(x)).
        var csv = new System.Text.StringBuilder("a,b,y\n");
        for (var i = 0; i < 80; i++) csv.Append(System.FormattableString.Invariant($"{i},{i * 7 % 13},{Math.Exp(i / 10.0)}\n"));
        var data = LabeledDataset.Create(CsvDatasetReader.Read(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "skewed.csv", DataLimits.Default),
            new TargetChoice("y", Task: TargetTask.Regression));

        var result = Resampler.Apply(data, AllRows(data), [new DistributionChange(new ClassGroup(1), 0.4, K: 3)], seed: 9);

        var target = (NumericColumn)result.Synthetic.Column("y");
        var y = data.Regression!.Values;
        Assert.NotEqual(0, result.Synthetic.RowCount);
        for (var i = 0; i < result.Synthetic.RowCount; i++)
        {
            var origin = result.SyntheticOrigins[i];
            var (yx, yn) = (y[origin.BaseRow], y[origin.NeighbourRow]);
            Assert.Equal(yx + origin.Step * (yn - yx), target[i], 1e-9 * (yx + yn));
        }
    }

    [Theory]
    [InlineData(OversamplingMethod.SmoteR)]
    [InlineData(OversamplingMethod.Smogn)]
    [InlineData(OversamplingMethod.GaussianNoise)]
    [InlineData(OversamplingMethod.Random)]
    public void Apply_TargetRange_ExactCountAndRowsStayInRange(OversamplingMethod method)
    {
        var group = new TargetRangeGroup(400_000, double.PositiveInfinity);
        var before = TrainRows.Count(r => Data.Regression!.Values[r] >= 400_000);

        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(group, 0.2, Over: method)], seed: 3);

        var rest = TrainRows.Count - before;
        var expected = (int)TargetCounts.GroupRowsFor(0.2, rest);
        var targets = Enumerable.Range(0, result.RowCount).Select(r => NumericAt(result, "Sale_Price", r)).ToArray();
        Assert.Equal(expected, targets.Count(y => y >= 400_000));
        Assert.Equal(expected - before, result.RowCount - TrainRows.Count);
        Assert.Equal("Sale_Price ≥ 400,000", result.Changes[0].Group);
        Assert.All(targets.Skip(result.OriginalRows.Count), y => Assert.True(y >= 400_000));
    }

    [Fact]
    public void Apply_Smogn_FarNeighboursGiveNoisyCopiesNearTheBase()
    {
        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(new ClassGroup(1), 0.4, Over: OversamplingMethod.Smogn)], seed: 5);

        var origins = result.SyntheticOrigins;
        var noisy = Enumerable.Range(0, origins.Count).Where(i => origins[i].BaseRow == origins[i].NeighbourRow && origins[i].Step == 0).ToArray();
        var interpolated = origins.Count - noisy.Length;
        Assert.StartsWith("SMOGN", result.Changes[0].Method);
        Assert.NotEmpty(noisy);
        Assert.NotEqual(0, interpolated);
        var area = (NumericColumn)result.Synthetic.Column("Gr_Liv_Area");
        var sourceArea = (NumericColumn)Data.Data.Column("Gr_Liv_Area");
        var y = (NumericColumn)result.Synthetic.Column("Sale_Price");
        var rareValues = TrainRows.Select(r => Data.Regression!.Values[r]).Where(Data.Regression!.Relevance.IsRare).ToArray();
        Assert.Contains(noisy, i => area[i] != sourceArea[origins[i].BaseRow]); // perturbed, not duplicated
        Assert.All(noisy, i => Assert.InRange(y[i], rareValues.Min(), rareValues.Max()));
    }

    [Fact]
    public void Apply_GaussianNoise_CategoriesMostlyKeptNumbersPerturbed()
    {
        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(new ClassGroup(1), 0.3, Over: OversamplingMethod.GaussianNoise)], seed: 2);

        var origins = result.SyntheticOrigins;
        var neighbourhood = (CategoricalColumn)result.Synthetic.Column("Neighborhood");
        var source = (CategoricalColumn)Data.Data.Column("Neighborhood");
        var kept = Enumerable.Range(0, origins.Count).Count(i => neighbourhood.FormatValue(i) == source.FormatValue(origins[i].BaseRow));
        Assert.Equal("Gaussian noise", result.Changes[0].Method);
        Assert.InRange(kept, (int)(0.85 * origins.Count), origins.Count); // changed with probability 0.1 (and sometimes to the same value)
        Assert.All(origins, o => Assert.Equal((o.BaseRow, 0.0), (o.NeighbourRow, o.Step)));
    }

    [Fact]
    public void Apply_UndersampleCommonValues_ExactCountAndOnlyCommonRowsGo()
    {
        var common = TrainRows.Count(r => Data.Labels[r] == 0);
        var rare = TrainRows.Count - common;

        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(new ClassGroup(0), 0.5)], seed: 4);

        Assert.Equal(rare, CountLabel(result, 1));
        Assert.Equal((int)TargetCounts.GroupRowsFor(0.5, rare), CountLabel(result, 0));
        Assert.Equal(0, result.Synthetic.RowCount);
    }

    [Fact]
    public void Apply_SameSeed_SameRows_OtherSeed_Differs()
    {
        DistributionChange[] changes = [new(new ClassGroup(1), 0.35, Over: OversamplingMethod.Smogn)];

        var a = Resampler.Apply(Data, TrainRows, changes, seed: 8).ToDataset();
        var b = Resampler.Apply(Data, TrainRows, changes, seed: 8).ToDataset();
        var c = Resampler.Apply(Data, TrainRows, changes, seed: 9).ToDataset();

        Assert.Equal(Snapshot(a), Snapshot(b));
        Assert.NotEqual(Snapshot(a), Snapshot(c));
    }

    [Fact]
    public void Apply_TestRowsUntouched()
    {
        var before = Snapshot(Data.Data);

        var result = Resampler.Apply(Data, TrainRows, [new DistributionChange(new TargetRangeGroup(300_000, double.PositiveInfinity), 0.3, Over: OversamplingMethod.Smogn)], seed: 1);

        Assert.Equal(before, Snapshot(Data.Data));
        Assert.Empty(result.OriginalRows.Intersect(Ames.Value.Split.TestRows));
        Assert.All(result.SyntheticOrigins, o => Assert.DoesNotContain(o.BaseRow, Ames.Value.Split.TestRows));
    }

    [Fact]
    public void Apply_TargetRangeOnClasses_SaysNeedsRegression()
    {
        var titanic = Bundled("titanic");

        var error = Assert.Throws<DatasetException>(() =>
            Resampler.Apply(titanic, AllRows(titanic), [new DistributionChange(new TargetRangeGroup(0, 1), 0.5)], seed: 1));

        Assert.Contains("A target range needs a numeric target predicted as a number (regression)", error.Message);
    }

    [Fact]
    public void Apply_SmoteROnClasses_FallsBackToSmoteWithWarning()
    {
        var titanic = Bundled("titanic");

        var result = Resampler.Apply(titanic, AllRows(titanic), [new DistributionChange(new ClassGroup(1), 0.5, Over: OversamplingMethod.Smogn)], seed: 1);

        Assert.Equal("SMOTE-NC", result.Changes[0].Method);
        Assert.Contains(result.Warnings, w => w.Kind == ResamplingWarningKind.MethodNotApplicable && w.Message.Contains("SMOTE was used instead"));
    }
}
