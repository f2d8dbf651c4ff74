using Dashboard.Core.Data;

namespace Dashboard.Tests;

/// <summary>Paths to the small CSV fixtures under TestData/ and loaders for them.</summary>
internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static Dataset Load(string relative, DataLimits? limits = null) =>
        CsvDatasetReader.ReadFile(PathOf(relative), limits ?? DataLimits.Default);

    public static Dataset Bundled(string name) => BundledDatasets.Load(BundledDatasets.Find(name)!, DataLimits.Default);
}
