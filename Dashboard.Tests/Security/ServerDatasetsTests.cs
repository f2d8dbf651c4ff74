using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Security;

/// <summary>
/// The server loads only bundled data sets and stored uploads. Paths are refused by their text alone:
/// a FIFO would block any reader that opened it, so a prompt refusal proves it was never opened.
/// </summary>
public sealed class ServerDatasetsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("server-datasets-").FullName;

    private ServerDatasets Datasets => new(new UploadStore(Options.Create(new DashboardOptions { DataFolder = _folder }), Options.Create(DataLimits.Default)),
        Options.Create(DataLimits.Default));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Load_Fifo_RefusedWithoutOpeningIt()
    {
        var fifo = Path.Combine(_folder, "trap.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        Assert.True(File.Exists(fifo));

        var load = Task.Run(() => Datasets.Load(fifo));
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(load, finished); // opening the FIFO would have blocked until a writer came
        var error = await Assert.ThrowsAsync<DatasetException>(() => load);
        Assert.Equal(DataProblem.UnknownDataset, error.Problem);
    }

    [Fact]
    public void Load_RealCsvByAbsoluteOrRelativePath_RefusedAndNothingOfItIsEchoed()
    {
        var csv = Path.Combine(_folder, "secret.csv");
        File.WriteAllText(csv, "password_column,target\nhunter2,yes\nletmein,no\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, csv);

        foreach (var source in new[] { csv, relative, "../" + relative, "file://" + csv, "upload:../../" + csv })
        {
            var error = Assert.Throws<DatasetException>(() => Datasets.Load(source));
            Assert.Equal(DataProblem.UnknownDataset, error.Problem);
            Assert.DoesNotContain("password_column", error.Message);
            Assert.Contains("does not open file paths", error.Message);
        }
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/etc/os-release")]
    [InlineData("upload:")]
    [InlineData("upload:0123")]
    [InlineData("upload:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void Check_NotABundledNameNorAnUploadId_Refused(string source)
    {
        var error = Assert.Throws<DatasetException>(() => DatasetSource.Check(source));

        Assert.Equal(DataProblem.UnknownDataset, error.Problem);
        Assert.Contains("titanic", error.Message);
    }

    [Fact]
    public void Check_NullOrBlank_SaysWhichToChoose()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetSource.Check(null));

        Assert.Equal("Say which data set to use: one of the bundled ones (titanic, lending_club, breast_cancer_wisconsin, ames_housing) or an uploaded CSV file.", error.Message);
    }

    [Fact]
    public async Task Load_BundledNameAndStoredUpload_Loaded()
    {
        var uploads = new UploadStore(Options.Create(new DashboardOptions { DataFolder = _folder }), Options.Create(DataLimits.Default));
        var stored = await uploads.SaveAsync("a,target\n1,yes\n2,no\n"u8.ToArray(), "mine.csv", CancellationToken.None);

        Assert.Equal(2207, Datasets.Load("titanic").RowCount);
        Assert.Equal(2, Datasets.Load(stored.Source).RowCount);
        Assert.Matches("^upload:[0-9a-f]{64}$", stored.Source);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "uploads"), "*.partial"));
    }
}
