namespace Dashboard.Tests.Cli;

/// <summary>A CSV path in a fresh temporary folder for a verb to write to; deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dashboard-cli-tests", Guid.NewGuid().ToString("N"));

    public TempCsv(string name = "out.csv")
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
