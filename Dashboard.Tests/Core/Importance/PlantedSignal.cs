using System.Globalization;
using System.Text;
using Dashboard.Core.Common;
using Dashboard.Core.Data;
using Dashboard.Core.Training;

namespace Dashboard.Tests.Core.Importance;

/// <summary>A data set where one column decides the label: "signal" (with 5 % label noise); "noise1", "noise2" and "color" are random.</summary>
internal static class PlantedSignal
{
    public static FeaturizedSplit Split()
    {
        var random = new SeededRandom(5);
        var csv = new StringBuilder("noise1,signal,color,noise2,label\n");
        for (var i = 0; i < 800; i++)
        {
            var signal = random.NextDouble();
            var label = (signal > 0.6) ^ (random.NextDouble() < 0.05) ? "yes" : "no";
            csv.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F4},{signal:F4},{"rgb"[random.NextInt(3)]},{random.NextDouble():F4},{label}\n");
        }
        var data = LabeledDataset.Create(CsvDatasetReader.Read(Encoding.UTF8.GetBytes(csv.ToString()), "planted.csv", DataLimits.Default), new TargetChoice("label"));
        return FeaturizedSplit.Create(data, StratifiedSplitter.Split(data.Labels, 0.25, 1));
    }
}
