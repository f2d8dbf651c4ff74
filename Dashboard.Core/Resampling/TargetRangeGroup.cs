using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>
/// For a numeric target (regression): the rows whose target value lies in [<paramref name="Lo"/>, <paramref name="Hi"/>),
/// e.g. "Sale_Price ≥ 400,000", the user's own choice of the rare range. New rows' targets are kept inside it.
/// </summary>
public sealed record TargetRangeGroup(double Lo, double Hi) : FocusGroup
{
    public override string Describe(LabeledDataset data) =>
        double.IsPositiveInfinity(Hi)
            ? $"{data.TargetColumn} ≥ {Format(Lo)}"
            : double.IsNegativeInfinity(Lo) ? $"{data.TargetColumn} < {Format(Hi)}" : $"{data.TargetColumn} in [{Format(Lo)}, {Format(Hi)})";

    internal override BoundGroup Bind(FeatureSpace space)
    {
        var data = space.Data;
        if (data.Regression is null)
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"A target range needs a numeric target predicted as a number (regression); '{data.TargetColumn}' is read as classes. Use a class group, or choose regression.",
                data.Data.Name, column: data.TargetColumn);
        }
        if (!(Lo < Hi))
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"The target range [{Format(Lo)}, {Format(Hi)}) of '{data.TargetColumn}' is empty: its lower end must be below its upper end.",
                data.Data.Name, column: data.TargetColumn);
        }
        return new Bound(Describe(data), Lo, Hi);
    }

    private static string Format(double value) => value.ToString("#,0.######", CultureInfo.InvariantCulture);

    private sealed class Bound(string description, double lo, double hi) : BoundGroup(description)
    {
        public override bool Contains(WorkingSet work, int entry) => work.TargetOf(entry) is var y && y >= lo && y < hi;

        /// <summary>A new target lies between two in-range targets already (or is clamped noise); this guards the last bit of rounding.</summary>
        public override void KeepGroupValue(SyntheticStore store, int first, int count)
        {
            foreach (ref var value in store.Targets.Slice(first, count)) value = Math.Clamp(value, lo, Math.BitDecrement(hi));
        }
    }
}
