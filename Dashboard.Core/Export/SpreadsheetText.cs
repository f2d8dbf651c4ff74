using System.Text;

namespace Dashboard.Core.Export;

/// <summary>
/// Text cells for files that spreadsheets open. A cell starting with =, +, - or @ (or a tab or
/// carriage return, which some spreadsheets skip before reading a formula) would be run as a formula
/// (OWASP "CSV injection"); such text gets a leading apostrophe, which spreadsheets show as text.
/// A spreadsheet set to split on ';' or tab (many European locales) starts a new field after each of
/// them and after ',', so the text after any of these separators is neutralised the same way.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The separators a spreadsheet may split a CSV line on.</summary>
    public static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>
    /// The text, with an apostrophe in front of every place a spreadsheet could read as the start of a
    /// formula (a field that starts with a space is text to spreadsheets, so ", +643 rows" stays as it is).
    /// </summary>
    public static string Neutralize(string text)
    {
        if (text.Length == 0) return text;
        var result = new StringBuilder(text.Length + 4);
        var fieldStart = true;
        foreach (var c in text)
        {
            if (fieldStart && Array.IndexOf(FormulaStarts, c) >= 0) result.Append('\'');
            result.Append(c);
            fieldStart = Array.IndexOf(Separators, c) >= 0;
        }
        return result.ToString();
    }
}
