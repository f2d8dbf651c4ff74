using System.Globalization;
using System.Text;
using CsvHelper;

namespace Dashboard.Core.Data;

/// <summary>
/// Reads a CSV file into a typed <see cref="Dataset"/>: header row required, delimiter detected
/// (comma, semicolon or tab), UTF-8 with or without BOM, RFC 4180 quoting, invariant-culture numbers.
/// Every problem becomes a <see cref="DatasetException"/> that names the file, line, column and value.
/// </summary>
public static class CsvDatasetReader
{
    private static readonly char[] CandidateDelimiters = [',', ';', '\t'];
    /// <summary>True for the texts that mean "no value": empty, NA, N/A, NaN, null, ? (any case).</summary>
    public static bool IsMissingToken(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty || Ascii.EqualsIgnoreCase(utf8, "NA"u8) || Ascii.EqualsIgnoreCase(utf8, "N/A"u8) ||
        Ascii.EqualsIgnoreCase(utf8, "NaN"u8) || Ascii.EqualsIgnoreCase(utf8, "null"u8) || utf8.SequenceEqual("?"u8);

    /// <summary>
    /// Reads a CSV file by path (the command-line verbs and the upload store's own files). The read is
    /// bounded by <see cref="DataLimits.MaxFileBytes"/> before it allocates, also for files that do not
    /// know their length (devices, pipes).
    /// </summary>
    public static Dataset ReadFile(string path, DataLimits limits, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DatasetException(DataProblem.FileNotFound,
                $"The file '{path}' does not exist. Check the path, or use a bundled data set: {string.Join(", ", BundledDatasets.Names)}.",
                fileName: name);
        }
        return Read(ReadBounded(path, name, limits), name, limits);
    }

    private static byte[] ReadBounded(string path, string name, DataLimits limits)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        // A regular file says its length: checked before anything is allocated, then read in one array.
        var stated = stream.CanSeek ? stream.Length : 0;
        ThrowIfTooLarge(name, stated, limits);
        var content = new byte[stated];
        var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
        Span<byte> probe = stackalloc byte[1];
        if (read < content.Length) return content[..read]; // shorter than it said: it shrank while being read
        if (stream.Read(probe) == 0) return content;
        // The length was not the whole story (a device such as /dev/zero says 0, a file may grow):
        // go on in blocks, and stop one block past the limit.
        using var memory = new MemoryStream();
        memory.Write(content, 0, read);
        memory.Write(probe);
        var block = new byte[81920];
        while (memory.Length <= limits.MaxFileBytes && (read = stream.Read(block)) > 0) memory.Write(block, 0, read);
        ThrowIfTooLarge(name, memory.Length, limits);
        return memory.ToArray();
    }

    public static Dataset Read(byte[] content, string fileName, DataLimits limits)
    {
        ThrowIfTooLarge(fileName, content.LongLength, limits);
        // UTF-8 is read in place: no copy of a file that may be 100 MB.
        var (utf8, notice) = TextEncoding.ToUtf8(content, fileName);
        var bytes = utf8.Span;
        if (bytes.IsEmpty || IsBlank(bytes))
        {
            throw new DatasetException(DataProblem.EmptyFile,
                $"'{fileName}' is empty. Choose a CSV file with a header row and at least one data row.", fileName);
        }
        ThrowIfNotText(fileName, bytes);
        var delimiter = DetectDelimiter(bytes);
        var first = Parse(utf8, fileName, delimiter, limits, forcedCategorical: null);
        // A column looked numeric for a while and then held text: read again with it as text from the
        // first row, so its categories keep the file's own spelling ("007", "1.50").
        var dataset = first.FlippedColumns.Count == 0 ? first.Dataset : Parse(utf8, fileName, delimiter, limits, first.FlippedColumns).Dataset;
        return notice is null ? dataset : new Dataset(dataset.Name, dataset.Columns, [notice, .. dataset.Warnings]);
    }

    private static void ThrowIfTooLarge(string fileName, long size, DataLimits limits)
    {
        if (size > limits.MaxFileBytes)
        {
            throw new DatasetException(DataProblem.FileTooLarge,
                $"'{fileName}' is {FormatBytes(size)}, over the limit of {FormatBytes(limits.MaxFileBytes)}. Use a smaller file, or a sample of its rows.",
                fileName);
        }
    }

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }
        return true;
    }

    private static void ThrowIfNotText(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new DatasetException(DataProblem.NotText,
                $"'{fileName}' is not a text file (it contains binary data). Export the table as CSV (comma-separated values) and upload that.",
                fileName);
        }
    }

    /// <summary>Picks the candidate delimiter that occurs most often, outside quotes, in the header line.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<byte> utf8)
    {
        Span<int> counts = stackalloc int[CandidateDelimiters.Length];
        var inQuotes = false;
        foreach (var b in utf8)
        {
            var c = (char)b;
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && (c == '\n' || c == '\r')) break;
            else if (!inQuotes)
            {
                var index = Array.IndexOf(CandidateDelimiters, c);
                if (index >= 0) counts[index]++;
            }
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best]) best = i;
        }
        return CandidateDelimiters[best];
    }

    private sealed record ParseResult(Dataset Dataset, IReadOnlySet<int> FlippedColumns);

    private static ParseResult Parse(ReadOnlyMemory<byte> utf8, string fileName, char delimiter, DataLimits limits, IReadOnlySet<int>? forcedCategorical)
    {
        var malformed = new List<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = delimiter,
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            FormatProvider = CultureInfo.InvariantCulture,
            // Recover and report: a stray quote inside a value (5'11") is kept as text, while an
            // unclosed quote or text after a closing quote becomes a clear error below.
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(record),
        };
        using var reader = CsvReader.Create(utf8, options);

        var header = ReadHeader(reader, fileName, limits);
        var builders = new ColumnBuilder[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            builders[i] = new ColumnBuilder(header[i], forcedCategorical?.Contains(i) == true);
        }

        var rows = 0;
        while (reader.Read())
        {
            ThrowIfMalformed(fileName, malformed);
            var count = reader.FieldCount;
            if (count != header.Length)
            {
                var line = reader.LineNumber;
                throw new DatasetException(DataProblem.RaggedRow,
                    $"'{fileName}', line {line}: this row has {count} values but the header has {header.Length} columns. " +
                    $"Check that line for a missing or extra '{DisplayDelimiter(delimiter)}', or a value with a '{DisplayDelimiter(delimiter)}' that is not in double quotes.",
                    fileName, line);
            }
            if (++rows > limits.MaxRows)
            {
                throw new DatasetException(DataProblem.TooManyRows,
                    $"'{fileName}' has more than {limits.MaxRows:N0} data rows, the limit. Use a sample of the rows.", fileName);
            }
            for (var i = 0; i < count; i++) builders[i].Add(reader, i);
        }
        ThrowIfMalformed(fileName, malformed);

        if (rows == 0)
        {
            throw new DatasetException(DataProblem.HeaderOnly,
                $"'{fileName}' has a header row but no data rows. Add the data below the header.", fileName, 1);
        }

        var warnings = new List<string>();
        var columns = new List<DataColumn>();
        var flipped = new HashSet<int>();
        for (var i = 0; i < builders.Length; i++)
        {
            var builder = builders[i];
            if (builder.FlippedAfterFirstRow) flipped.Add(i);
            if (builder.NonMissingCount == 0)
            {
                warnings.Add($"Column '{builder.Name}' was dropped: every value in it is missing.");
                continue;
            }
            columns.Add(builder.Build());
        }
        if (columns.Count == 0)
        {
            throw new DatasetException(DataProblem.HeaderOnly,
                $"'{fileName}': every column is entirely missing. There is nothing to analyse.", fileName);
        }
        return new ParseResult(new Dataset(fileName, columns, warnings), flipped);
    }

    private static string DisplayDelimiter(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    private static void ThrowIfMalformed(string fileName, List<CsvMalformedRecord> malformed)
    {
        foreach (var record in malformed)
        {
            if (record.Reason is not (CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote)) continue;
            var raw = record.RawRecord;
            var preview = (raw.Length > 40 ? raw[..40] + "…" : raw).ReplaceLineEndings(" ");
            var what = record.Reason == CsvMalformedReason.UnterminatedQuote
                ? "a double quote opens a value but is never closed"
                : "there is text right after a closing double quote";
            throw new DatasetException(DataProblem.UnterminatedQuote,
                $"'{fileName}', line {record.LineNumber}: {what} (the row starts: {preview}). " +
                "A quoted value must start and end with \" and write a quote inside it as \"\".",
                fileName, record.LineNumber, value: preview);
        }
        malformed.Clear();
    }

    private static string[] ReadHeader(CsvReader reader, string fileName, DataLimits limits)
    {
        var header = reader.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length > limits.MaxColumns)
        {
            throw new DatasetException(DataProblem.TooManyColumns,
                $"'{fileName}' has {header.Length} columns, over the limit of {limits.MaxColumns}. Keep the columns you need and upload again.",
                fileName, 1);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw new DatasetException(DataProblem.EmptyColumnName,
                    $"'{fileName}', line 1: column {i + 1} has no name. Every column needs a name in the header row.",
                    fileName, 1, column: $"#{i + 1}");
            }
            if (!seen.Add(header[i]))
            {
                throw new DatasetException(DataProblem.DuplicateColumnName,
                    $"'{fileName}', line 1: the column name '{header[i]}' appears more than once. Rename one of them.",
                    fileName, 1, column: header[i]);
            }
        }
        return header;
    }

    /// <summary>Collects one column's values while the file is read, deciding its kind as it goes.</summary>
    private sealed class ColumnBuilder(string name, bool forceCategorical)
    {
        private List<double>? _numbers = forceCategorical ? null : [];
        private readonly List<int> _codes = [];
        private readonly Dictionary<string, int> _codeByText = new(StringComparer.Ordinal);
        private readonly List<string> _categories = [];
        public string Name { get; } = name;

        public int NonMissingCount { get; private set; }

        /// <summary>True when numbers were seen before the first text value; the column must be read again.</summary>
        public bool FlippedAfterFirstRow { get; private set; }

        public void Add(CsvReader reader, int field)
        {
            var utf8 = reader.GetSpan(field);
            var missing = IsMissingToken(utf8);
            if (!missing) NonMissingCount++;
            if (_numbers is not null)
            {
                if (missing)
                {
                    _numbers.Add(double.NaN);
                    return;
                }
                if (double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    _numbers.Add(value);
                    return;
                }
                FlippedAfterFirstRow = _numbers.Any(v => !double.IsNaN(v));
                // Earlier values were all missing (or numbers; then the whole file is read again).
                for (var i = 0; i < _numbers.Count; i++) _codes.Add(CategoricalColumn.MissingCode);
                _numbers = null;
            }
            AddCategory(missing ? null : reader.GetString(field));
        }

        private void AddCategory(string? text)
        {
            if (text is null)
            {
                _codes.Add(CategoricalColumn.MissingCode);
                return;
            }
            if (!_codeByText.TryGetValue(text, out var code))
            {
                code = _categories.Count;
                _codeByText.Add(text, code);
                _categories.Add(text);
            }
            _codes.Add(code);
        }

        public DataColumn Build() =>
            _numbers is not null
                ? new NumericColumn(Name, _numbers.ToArray())
                : new CategoricalColumn(Name, _codes.ToArray(), _categories.ToArray());
    }
}
