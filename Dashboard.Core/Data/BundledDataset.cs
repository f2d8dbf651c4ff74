namespace Dashboard.Core.Data;

/// <summary>A real data set that ships inside the product, with its default target and credit.</summary>
public sealed record BundledDataset(
    string Name,
    string Title,
    string DefaultTarget,
    IReadOnlyList<string> DefaultExcludedColumns,
    string Credit,
    string Licence);
