using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

/// <summary>Reading a file by path is bounded by the size limit before it allocates, whatever the file is.</summary>
public class BoundedReadTests
{
    [Fact]
    public void ReadFile_DeviceWithoutLength_StopsAtTheLimit()
    {
        var limits = new DataLimits { MaxFileBytes = 1_000_000 };

        var error = Assert.Throws<DatasetException>(() => CsvDatasetReader.ReadFile("/dev/zero", limits));

        Assert.Equal(DataProblem.FileTooLarge, error.Problem);
        Assert.Contains("over the limit", error.Message);
    }

    [Fact]
    public void ReadFile_RegularFileOverTheLimit_RefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 1000)));
        try
        {
            var error = Assert.Throws<DatasetException>(() => CsvDatasetReader.ReadFile(path, new DataLimits { MaxFileBytes = 100 }));
            Assert.Equal(DataProblem.FileTooLarge, error.Problem);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
