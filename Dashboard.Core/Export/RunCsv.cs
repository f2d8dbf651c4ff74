using System.Globalization;
using System.Text;

namespace Dashboard.Core.Export;

/// <summary>
/// Runs as CSV (RFC 4180, comma, CRLF, UTF-8 with a byte-order mark so spreadsheets read the accents):
/// a header, then one row per run × algorithm with every column of <see cref="RunTable"/>. Numbers are
/// written invariantly and round-trip exactly; text is neutralized against formula injection, then quoted.
/// </summary>
public static class RunCsv
{
    public static string Write(IEnumerable<RecordedRun> runs)
    {
        var text = new StringBuilder();
        AppendLine(text, RunTable.Columns.Select(c => Quote(c.Name)));
        foreach (var row in RunTable.Rows(runs))
        {
            AppendLine(text, RunTable.Columns.Select(c => Cell(c.Value(row))));
        }
        return text.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with a byte-order mark.</summary>
    public static byte[] WriteBytes(IEnumerable<RecordedRun> runs) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(runs))];

    /// <summary>One cell: numbers and booleans as they are, text neutralized and quoted when needed.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Quote(SpreadsheetText.Neutralize(s)),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(SpreadsheetText.Neutralize(value.ToString() ?? "")),
    };

    // Quoted also when it holds ';' or a tab: a spreadsheet that splits on those keeps the cell whole.
    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",;\t\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static void AppendLine(StringBuilder text, IEnumerable<string> cells) => text.AppendJoin(',', cells).Append("\r\n");
}
