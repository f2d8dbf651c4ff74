namespace Dashboard.Core.Data;

/// <summary>How many rows a class of the target has, and its share of all rows.</summary>
public sealed record ClassCount(string Label, int Count, double Share, bool IsPositive);
