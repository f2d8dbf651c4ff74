namespace Dashboard.Core.Export;

/// <summary>
/// Text cells for files that spreadsheets open. A cell starting with =, +, - or @ (or a tab or
/// carriage return, which some spreadsheets skip before reading a formula) would be run as a formula
/// (OWASP "CSV injection"); such text gets a leading apostrophe, which spreadsheets show as text.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text, with an apostrophe in front when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
