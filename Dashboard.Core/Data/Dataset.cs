using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>A typed, columnar, immutable table shared by every part of the product.</summary>
public sealed class Dataset
{
    private readonly Dictionary<string, int> _indexByName;

    public Dataset(string name, IReadOnlyList<DataColumn> columns, IReadOnlyList<string>? warnings = null)
    {
        if (columns.Count == 0) throw new ArgumentException("A data set needs at least one column.", nameof(columns));
        var length = columns[0].Length;
        if (columns.Any(c => c.Length != length)) throw new ArgumentException("All columns must have the same length.", nameof(columns));
        Name = name;
        Columns = columns;
        RowCount = length;
        Warnings = warnings ?? [];
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _indexByName.Add(columns[i].Name, i);
    }

    /// <summary>The file or bundled name the data came from.</summary>
    public string Name { get; }

    public IReadOnlyList<DataColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>What loading noticed and fixed (e.g. a column dropped because it was entirely missing).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool HasColumn(string name) => _indexByName.ContainsKey(name);

    public DataColumn Column(string name) =>
        _indexByName.TryGetValue(name, out var index)
            ? Columns[index]
            : throw new DatasetException(DataProblem.UnknownColumn,
                $"The data set '{Name}' has no column named '{name}'. Its columns are: {string.Join(", ", Columns.Select(c => c.Name))}.",
                fileName: Name, column: name);

    /// <summary>A new data set with the given rows, in order (rows may repeat).</summary>
    public Dataset SelectRows(ReadOnlySpan<int> rows)
    {
        var columns = new DataColumn[Columns.Count];
        for (var i = 0; i < columns.Length; i++) columns[i] = Columns[i].SelectRows(rows);
        return new Dataset(Name, columns, Warnings);
    }

    /// <summary>
    /// A copy where one column is read as another kind: the user's override of the inferred kind.
    /// Numeric to categorical keeps each number's text; categorical to numeric must parse every category.
    /// </summary>
    public Dataset WithColumnKind(string columnName, ColumnKind kind)
    {
        var column = Column(columnName);
        if (column.Kind == kind) return this;
        DataColumn converted = column switch
        {
            NumericColumn numeric => ToCategorical(numeric),
            CategoricalColumn categorical => ToNumeric(categorical),
            _ => throw new InvalidOperationException("Unknown column type."),
        };
        var columns = Columns.Select(c => c.Name == columnName ? converted : c).ToArray();
        return new Dataset(Name, columns, Warnings);
    }

    private static CategoricalColumn ToCategorical(NumericColumn numeric)
    {
        var codes = new int[numeric.Length];
        var index = new Dictionary<double, int>();
        var categories = new List<string>();
        for (var row = 0; row < numeric.Length; row++)
        {
            var value = numeric[row];
            if (double.IsNaN(value))
            {
                codes[row] = CategoricalColumn.MissingCode;
                continue;
            }
            if (!index.TryGetValue(value, out var code))
            {
                code = categories.Count;
                index.Add(value, code);
                categories.Add(value.ToString("R", CultureInfo.InvariantCulture));
            }
            codes[row] = code;
        }
        return new CategoricalColumn(numeric.Name, codes, categories.ToArray());
    }

    private NumericColumn ToNumeric(CategoricalColumn categorical)
    {
        var parsed = new double[categorical.Categories.Count];
        for (var code = 0; code < parsed.Length; code++)
        {
            var text = categorical.Categories[code];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[code]))
            {
                throw new DatasetException(DataProblem.NotNumeric,
                    $"Column '{categorical.Name}' cannot be read as numbers: the value '{text}' is not a number. Keep it as a category, or fix the value in the file.",
                    fileName: Name, column: categorical.Name, value: text);
            }
        }
        var values = new double[categorical.Length];
        for (var row = 0; row < values.Length; row++)
        {
            var code = categorical[row];
            values[row] = code == CategoricalColumn.MissingCode ? double.NaN : parsed[code];
        }
        return new NumericColumn(categorical.Name, values);
    }
}
