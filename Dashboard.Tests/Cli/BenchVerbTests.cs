namespace Dashboard.Tests.Cli;

/// <summary>The bench verbs run and report their figures' shape; their speed is measured in docs/benchmarks.md, never asserted.</summary>
public class BenchVerbTests
{
    [Fact]
    public void BenchResample_SmallData_ReportsTheSyntheticRowsThatBalanceIt()
    {
        var json = CliRunner.RunJson("bench", "resample", "--rows", "4000", "--repetitions", "1");

        var synthetic = json.GetProperty("syntheticRows").GetInt32();
        Assert.Equal(4000, json.GetProperty("rows").GetInt32());
        Assert.InRange(synthetic, 3000, 3900); // a 5 % minority grown to the majority's size
        Assert.True(json.GetProperty("peakWorkingSetMegabytes").GetInt64() > 0);
        Assert.Equal(3, json.GetProperty("loadBefore").GetArrayLength());
    }

    [Fact]
    public void BenchResample_RepeatCached_TimesAMoveThatSearchesNothing()
    {
        var json = CliRunner.RunJson("bench", "resample", "--rows", "4000", "--repetitions", "1", "--repeat-cached");

        Assert.Equal("warm (repeated move)", json.GetProperty("neighbourCache").GetString());
        Assert.Equal(0, json.GetProperty("neighboursSearched").GetInt32());
        Assert.InRange(json.GetProperty("neighboursReused").GetInt32(), 150, 250); // every minority row of ~200 drawn as a base
    }

    [Fact]
    public void BenchResample_Export_WritesNumPyFilesOfTheRightShape()
    {
        using var folder = new TempCsv();
        var directory = Path.GetDirectoryName(folder.Path)!;

        CliRunner.RunJson("bench", "resample", "--rows", "1000", "--features", "3", "--export", directory);

        var header = File.ReadAllBytes(Path.Combine(directory, "X.npy"));
        Assert.Equal(0x93, header[0]);
        Assert.Equal("NUMPY"u8.ToArray(), header[1..6]);
        Assert.Contains("'shape': (1000, 3)", System.Text.Encoding.ASCII.GetString(header, 10, 118));
        Assert.Equal(128 + 1000 * 3 * 8, header.Length);
        Assert.Equal(128 + 1000 * 4, new FileInfo(Path.Combine(directory, "y.npy")).Length);
    }

    [Fact]
    public void BenchLoop_Titanic_ReportsEveryRunAndAuc()
    {
        var json = CliRunner.RunJson("bench", "loop", "--data", "titanic", "--algorithms", "logistic,lightgbm", "--repetitions", "2", "--class-share", "0.5");

        Assert.Equal(2244, json.GetProperty("trainingRowsAfter").GetInt32());
        Assert.Equal(2, json.GetProperty("runs").GetArrayLength());
        Assert.All(json.GetProperty("runs").EnumerateArray(), r => Assert.Equal(2, r.GetProperty("algorithms").GetArrayLength()));
        Assert.InRange(json.GetProperty("rocAuc").GetProperty("logistic").GetDouble(), 0.7, 1);
        Assert.True(json.GetProperty("warmMedian").GetProperty("fromResampledToAllSeconds").GetDouble() > 0);
    }
}
