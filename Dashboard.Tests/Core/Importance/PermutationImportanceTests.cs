using System.Globalization;
using System.Text;
using Dashboard.Core.Common;
using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Importance;

public class PermutationImportanceTests
{
    [Fact]
    public async Task Compute_PlantedInformativeColumn_RankedFirst()
    {
        // "signal" decides the label (with 5 % noise); "noise1", "noise2" and "color" are random.
        var random = new SeededRandom(5);
        var csv = new StringBuilder("noise1,signal,color,noise2,label\n");
        for (var i = 0; i < 800; i++)
        {
            var signal = random.NextDouble();
            var label = (signal > 0.6) ^ (random.NextDouble() < 0.05) ? "yes" : "no";
            csv.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F4},{signal:F4},{"rgb"[random.NextInt(3)]},{random.NextDouble():F4},{label}\n");
        }
        var data = LabeledDataset.Create(CsvDatasetReader.Read(Encoding.UTF8.GetBytes(csv.ToString()), "planted.csv", DataLimits.Default), new TargetChoice("label"));
        var split = FeaturizedSplit.Create(data, StratifiedSplitter.Split(data.Labels, 0.25, 1));
        AlgorithmResult? lightgbm = null;
        await foreach (var result in new MullerLoop().RunAsync(split, TrainingRows.Baseline(data, split.Split), [AlgorithmSettings.Default(AlgorithmCatalog.Get("lightgbm"))], new LoopOptions()))
        {
            lightgbm = result;
        }

        var ranking = PermutationImportance.Compute(lightgbm!.Model!, split, repeats: 3, seed: 9);

        Assert.Equal("signal", ranking[0].Column);
        Assert.Equal(4, ranking.Count);
        Assert.True(ranking[0].MeanDrop > 0.2, $"drop {ranking[0].MeanDrop}");
        Assert.All(ranking.Skip(1), r => Assert.True(r.MeanDrop < 0.05, $"{r.Column}: {r.MeanDrop}"));
        Assert.Equal(3, ranking[0].Drops.Count);
    }
}
