using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>The rows whose numeric feature <paramref name="Column"/> lies in [<paramref name="Lo"/>, <paramref name="Hi"/>); missing values are outside.</summary>
public sealed record NumericRangeGroup(string Column, double Lo, double Hi) : FocusGroup
{
    /// <summary>
    /// The default for a numeric slider: the top quartile of the training rows, [75th percentile, +∞),
    /// so the maximum is included. The percentile interpolates linearly between order statistics (numpy's default).
    /// </summary>
    public static NumericRangeGroup TopQuartile(LabeledDataset data, string column, IReadOnlyList<int> trainRows)
    {
        if (data.Data.Column(column) is not NumericColumn numeric)
        {
            throw KindMismatch(data, column);
        }
        var values = trainRows.Select(r => numeric[r]).Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0)
        {
            throw new DatasetException(DataProblem.EmptyFocusGroup,
                $"The column '{column}' has no values in the training rows, so it has no range to put a slider on.", data.Data.Name, column: column);
        }
        var position = 0.75 * (values.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Length - 1);
        var lo = values[below] + (position - below) * (values[above] - values[below]);
        return new NumericRangeGroup(column, lo, double.PositiveInfinity);
    }

    public override string Describe(LabeledDataset data) =>
        double.IsPositiveInfinity(Hi)
            ? $"{Column} ≥ {Format(Lo)}"
            : $"{Column} in [{Format(Lo)}, {Format(Hi)})";

    internal override BoundGroup Bind(FeatureSpace space)
    {
        var feature = FeatureIndex(space, Column, ColumnKind.Numeric);
        if (!(Lo < Hi))
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"The range [{Format(Lo)}, {Format(Hi)}) of '{Column}' is empty: its lower end must be below its upper end.",
                space.Data.Data.Name, column: Column);
        }
        return new Bound(Describe(space.Data), feature, Lo, Hi);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private sealed class Bound(string description, int feature, double lo, double hi) : BoundGroup(description)
    {
        public override bool Contains(WorkingSet work, int entry) => work.NumericOf(feature, entry) is var v && v >= lo && v < hi;

        /// <summary>Interpolating two values of [lo, hi) stays inside it; this only guards the last bit of rounding.</summary>
        public override void KeepGroupValue(SyntheticStore store, int first, int count)
        {
            foreach (ref var value in store.NumericValues(feature).Slice(first, count)) value = Math.Clamp(value, lo, Math.BitDecrement(hi));
        }
    }
}
