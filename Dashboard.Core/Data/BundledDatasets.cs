namespace Dashboard.Core.Data;

/// <summary>
/// The data sets bundled with the product (embedded in this assembly; credits in Data/Bundled/README.md).
/// The web app addresses data sets only by bundled name or upload id (<see cref="DatasetSource"/>);
/// a file path is read only by the command-line verbs, which run as the local user.
/// </summary>
public static class BundledDatasets
{
    public const string DefaultName = "titanic";

    public static IReadOnlyList<BundledDataset> All { get; } =
    [
        new("titanic", "Titanic passengers and crew", "survived", ["name", "ticketno"],
            "Complete list of persons aboard the RMS Titanic (encyclopedia-titanica.org, 2016), from the R package stablelearner 0.1-4 (M. Philipp, A. Zeileis et al.), via Debian's r-cran-stablelearner.",
            "GPL-2 | GPL-3"),
        new("lending_club", "Lending Club loans, Q1 2016", "Class", [],
            "Lending Club loan data (Q1 2016), from the R package modeldata 1.1.0 (Max Kuhn), via Debian's r-cran-modeldata.",
            "MIT"),
        new("breast_cancer_wisconsin", "Breast Cancer Wisconsin (Diagnostic)", "diagnosis", [],
            "UCI ML Breast Cancer Wisconsin (Diagnostic): W.H. Wolberg, W.N. Street, O.L. Mangasarian (1995), as shipped in scikit-learn, via Debian's python3-sklearn.",
            "BSD-3-Clause"),
        new("ames_housing", "Ames, Iowa house sales 2006-2010", "Sale_Price", [],
            "Ames, Iowa house sales: De Cock, D. (2011), Journal of Statistics Education 19(3), from the R package modeldata 1.1.0 (Max Kuhn), via Debian's r-cran-modeldata.",
            "MIT"),
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name);

    public static BundledDataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The embedded CSV bytes of a bundled data set.</summary>
    public static byte[] ReadBytes(BundledDataset dataset)
    {
        var assembly = typeof(BundledDatasets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Dashboard.Core.Bundled.{dataset.Name}.csv")
            ?? throw new InvalidOperationException($"The bundled data set '{dataset.Name}' is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Loads a bundled data set.</summary>
    public static Dataset Load(BundledDataset dataset, DataLimits limits) =>
        CsvDatasetReader.Read(ReadBytes(dataset), dataset.Name + ".csv", limits);

    /// <summary>
    /// Command line only: a bundled data set by name, else the CSV file at that path. Never call this
    /// with text from a web client; the server loads through <see cref="DatasetSource"/>.
    /// </summary>
    public static Dataset LoadNameOrPath(string nameOrPath, DataLimits limits) =>
        Find(nameOrPath) is { } bundled ? Load(bundled, limits) : CsvDatasetReader.ReadFile(nameOrPath, limits);
}
