using Dashboard.Core.Data;

namespace Dashboard.Tests.Cli;

/// <summary>The labeled data set and split a verb builds from its default options, rebuilt here so tests can compare with Core.</summary>
internal static class CliData
{
    public static (LabeledDataset Data, DataSplit Split) Bundled(string name, int seed = 42, double testSize = 0.25)
    {
        var bundled = BundledDatasets.Find(name)!;
        var data = LabeledDataset.Create(TestData.Bundled(name), new TargetChoice(bundled.DefaultTarget, null, null));
        return (data, StratifiedSplitter.Split(data.Labels, testSize, seed));
    }
}
