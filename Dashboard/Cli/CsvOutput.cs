using System.Globalization;
using CsvHelper;
using Dashboard.Core.Data;

namespace Dashboard.Cli;

/// <summary>Writes the verbs' CSV files with CsvHelper's defaults: RFC 4180 quoting, CRLF, UTF-8 without a byte-order mark.</summary>
internal static class CsvOutput
{
    /// <summary>Writes a header and rows; a row's array may be reused for the next one. Returns the rows written.</summary>
    public static int Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        try
        {
            using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default);
            csv.WriteRecord(header);
            var count = 0;
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
                count++;
            }
            return count;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(DataProblem.InvalidSetting, $"Cannot write '{path}': {exception.Message}", path);
        }
    }

    /// <summary>A number as text that reads back to the same value, whatever the machine's culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
