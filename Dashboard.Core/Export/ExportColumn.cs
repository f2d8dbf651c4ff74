namespace Dashboard.Core.Export;

/// <summary>
/// One column of the run export (one row per run × algorithm). The value is a string (text), a
/// number (double or int), a bool, or null (empty); the CSV and JSON writers keep those kinds apart,
/// so a negative MCC stays a number while a text cell starting with "-" is escaped.
/// </summary>
public sealed record ExportColumn(string Name, Func<ExportRow, object?> Value);
