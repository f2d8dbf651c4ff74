using Dashboard.Core.Data;

namespace Dashboard.Core.Training;

/// <summary>
/// Turns data set rows into feature vectors. Fitted on the training rows only and then applied
/// unchanged to every other row (test rows, synthetic rows), so nothing about the test rows leaks
/// into training. Numeric columns are standardized, a missing value becomes the training median
/// plus a 1 in a missing-indicator slot (when training rows have missing values); categorical
/// columns are one-hot encoded, with rare and unseen categories in one "(other)" slot.
/// </summary>
public sealed class Featurizer
{
    private const string OtherCategory = "(other)";
    private const string MissingCategory = "(missing)";

    private readonly IReadOnlyList<ColumnEncoding> _encodings;

    private Featurizer(IReadOnlyList<ColumnEncoding> encodings, IReadOnlyList<FeatureSlot> slots)
    {
        _encodings = encodings;
        Slots = slots;
    }

    public IReadOnlyList<FeatureSlot> Slots { get; }

    public int Width => Slots.Count;

    public static Featurizer Fit(LabeledDataset data, IReadOnlyList<int> trainRows, FeaturizerOptions? options = null)
    {
        options ??= FeaturizerOptions.Default;
        var encodings = new List<ColumnEncoding>();
        var slots = new List<FeatureSlot>();
        foreach (var name in data.FeatureNames)
        {
            ColumnEncoding encoding = data.Data.Column(name) switch
            {
                NumericColumn numeric => NumericEncoding.Fit(numeric, trainRows, slots.Count),
                CategoricalColumn categorical => CategoricalEncoding.Fit(categorical, trainRows, slots.Count, options.MinCategoryRows),
                _ => throw new InvalidOperationException("Unknown column type."),
            };
            encodings.Add(encoding);
            slots.AddRange(encoding.SlotNames.Select(slot => new FeatureSlot(slot, name)));
        }
        return new Featurizer(encodings, slots);
    }

    /// <summary>Featurizes the given rows of a data set that has this featurizer's columns (the source data, or a block of synthetic rows).</summary>
    public FeatureMatrix Transform(Dataset source, IReadOnlyList<int>? rows = null)
    {
        var count = rows?.Count ?? source.RowCount;
        var matrix = new FeatureMatrix(count, Width);
        foreach (var encoding in _encodings)
        {
            encoding.Write(source.Column(encoding.Column), rows, matrix);
        }
        return matrix;
    }

    /// <summary>How one original column becomes feature slots.</summary>
    private abstract class ColumnEncoding(string column, int firstSlot)
    {
        public string Column { get; } = column;

        protected int FirstSlot { get; } = firstSlot;

        public abstract IReadOnlyList<string> SlotNames { get; }

        public abstract void Write(DataColumn source, IReadOnlyList<int>? rows, FeatureMatrix matrix);
    }

    private sealed class NumericEncoding : ColumnEncoding
    {
        private readonly double _mean;
        private readonly double _scale;
        private readonly double _median;
        private readonly bool _hasMissingSlot;

        private NumericEncoding(string column, int firstSlot, double mean, double scale, double median, bool hasMissingSlot)
            : base(column, firstSlot)
        {
            (_mean, _scale, _median, _hasMissingSlot) = (mean, scale, median, hasMissingSlot);
            SlotNames = hasMissingSlot ? [column, $"{column} (missing)"] : [column];
        }

        public override IReadOnlyList<string> SlotNames { get; }

        public static NumericEncoding Fit(NumericColumn column, IReadOnlyList<int> trainRows, int firstSlot)
        {
            var present = new List<double>(trainRows.Count);
            foreach (var row in trainRows)
            {
                var value = column[row];
                if (!double.IsNaN(value)) present.Add(value);
            }
            if (present.Count == 0) return new NumericEncoding(column.Name, firstSlot, 0, 1, 0, hasMissingSlot: true);
            var mean = present.Average();
            var variance = present.Sum(v => (v - mean) * (v - mean)) / present.Count;
            var scale = variance > 1e-24 ? Math.Sqrt(variance) : 1.0; // a constant column stays at 0
            present.Sort();
            var mid = present.Count / 2;
            var median = present.Count % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
            return new NumericEncoding(column.Name, firstSlot, mean, scale, median, hasMissingSlot: present.Count < trainRows.Count);
        }

        public override void Write(DataColumn source, IReadOnlyList<int>? rows, FeatureMatrix matrix)
        {
            var numeric = (NumericColumn)source;
            for (var i = 0; i < matrix.Rows; i++)
            {
                var value = numeric[rows?[i] ?? i];
                var missing = double.IsNaN(value);
                var row = matrix.Row(i);
                row[FirstSlot] = (float)(((missing ? _median : value) - _mean) / _scale);
                if (_hasMissingSlot) row[FirstSlot + 1] = missing ? 1f : 0f;
            }
        }
    }

    private sealed class CategoricalEncoding : ColumnEncoding
    {
        private readonly Dictionary<string, int> _slotByCategory;
        private readonly int _otherSlot;
        private readonly int _missingSlot;

        private CategoricalEncoding(string column, int firstSlot, IReadOnlyList<string> kept, bool hasMissingSlot)
            : base(column, firstSlot)
        {
            _slotByCategory = kept.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            _otherSlot = kept.Count;
            _missingSlot = hasMissingSlot ? kept.Count + 1 : -1;
            var names = kept.Select(c => $"{column}={c}").Append($"{column}={OtherCategory}");
            if (hasMissingSlot) names = names.Append($"{column}={MissingCategory}");
            SlotNames = names.ToArray();
        }

        public override IReadOnlyList<string> SlotNames { get; }

        public static CategoricalEncoding Fit(CategoricalColumn column, IReadOnlyList<int> trainRows, int firstSlot, int minRows)
        {
            var counts = new int[column.Categories.Count];
            var missing = 0;
            foreach (var row in trainRows)
            {
                var code = column[row];
                if (code == CategoricalColumn.MissingCode) missing++;
                else counts[code]++;
            }
            // Keep the file's category order so slot names read naturally.
            var kept = Enumerable.Range(0, counts.Length).Where(c => counts[c] >= minRows).Select(c => column.Categories[c]).ToArray();
            return new CategoricalEncoding(column.Name, firstSlot, kept, missing > 0);
        }

        public override void Write(DataColumn source, IReadOnlyList<int>? rows, FeatureMatrix matrix)
        {
            var categorical = (CategoricalColumn)source;
            // The source may be another data set (synthetic rows): map its own codes by category text.
            var slotByCode = categorical.Categories.Select(c => _slotByCategory.TryGetValue(c, out var slot) ? slot : _otherSlot).ToArray();
            for (var i = 0; i < matrix.Rows; i++)
            {
                var code = categorical[rows?[i] ?? i];
                var slot = code == CategoricalColumn.MissingCode ? (_missingSlot >= 0 ? _missingSlot : _otherSlot) : slotByCode[code];
                var row = matrix.Row(i);
                row.Slice(FirstSlot, SlotNames.Count).Clear();
                row[FirstSlot + slot] = 1f;
            }
        }
    }
}
