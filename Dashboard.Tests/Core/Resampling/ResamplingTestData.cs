using System.Globalization;
using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;

namespace Dashboard.Tests.Core.Resampling;

/// <summary>Small data sets built in code (as CSV text, so they go through the real reader) and the bundled ones.</summary>
internal static class ResamplingTestData
{
    public static LabeledDataset FromCsv(string csv, string target = "y", string positive = "pos") =>
        LabeledDataset.Create(CsvDatasetReader.Read(Encoding.UTF8.GetBytes(csv), "fixture.csv", DataLimits.Default),
            new TargetChoice(target, positive, []));

    public static LabeledDataset Bundled(string name)
    {
        var bundled = BundledDatasets.Find(name)!;
        return LabeledDataset.Create(BundledDatasets.Load(bundled, DataLimits.Default), new TargetChoice(bundled.DefaultTarget));
    }

    public static int[] AllRows(LabeledDataset data) => Enumerable.Range(0, data.RowCount).ToArray();

    /// <summary>
    /// Two numeric features: <paramref name="negatives"/> rows of class "neg" on a line from (0,0),
    /// <paramref name="positives"/> rows of class "pos" on a line from (0.5,1), slightly jittered so no two rows tie.
    /// </summary>
    public static LabeledDataset Simple(int negatives, int positives)
    {
        var csv = new StringBuilder("a,b,y\n");
        for (var i = 0; i < negatives; i++) csv.Append(Row(i * 1.0, i * 0.37 % 3, "neg"));
        for (var i = 0; i < positives; i++) csv.Append(Row(0.5 + i * 1.13, 1 + i * 0.71 % 2, "pos"));
        return FromCsv(csv.ToString());
    }

    public static string Row(double a, double b, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"{a},{b},{label}\n");

    /// <summary>The value of a row of the whole resampled set, for a numeric column.</summary>
    public static double NumericAt(ResampledTrainingSet result, string column, int row) =>
        result.IsSynthetic(row)
            ? ((NumericColumn)result.Synthetic.Column(column))[row - result.OriginalRows.Count]
            : ((NumericColumn)result.Source.Column(column))[result.OriginalRows[row]];

    /// <summary>Every cell of a data set as text, to prove it was not changed.</summary>
    public static string[][] Snapshot(Dataset data) =>
        data.Columns.Select(c => Enumerable.Range(0, c.Length).Select(c.FormatValue).ToArray()).ToArray();

    /// <summary>Rows of the whole resampled set (originals, then synthetic) that belong to a class.</summary>
    public static int CountLabel(ResampledTrainingSet result, int label) => result.Labels.Count(l => l == label);
}
