using System.Globalization;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Core.Export;

/// <summary>How a stored run's settings read as text, the same in the CSV, the JSON and the report.</summary>
public static class RunText
{
    /// <summary>The slider's focus group in the data set's words: "class 'yes'", "sex = female", "fare ≥ 31.3".</summary>
    public static string Group(FocusGroup group, RunDataset dataset) => group switch
    {
        ClassGroup c => $"class '{(c.Label == 1 ? dataset.PositiveClass : dataset.NegativeClass)}'",
        CategoryGroup c => $"{c.Column} = {c.Category}",
        NumericRangeGroup r when double.IsPositiveInfinity(r.Hi) => $"{r.Column} ≥ {Number(r.Lo)}",
        NumericRangeGroup r => $"{r.Column} in [{Number(r.Lo)}, {Number(r.Hi)})",
        _ => group.GetType().Name,
    };

    /// <summary>
    /// Where a slider stood: "neutral", the share asked for with the methods it used, or on the class-balance track
    /// the signed way to 50/50 and the side's method ("balance -50% (majority undersampled: Random)").
    /// </summary>
    public static string Position(SliderState slider) => slider switch
    {
        { IsNeutral: true } => "neutral",
        { Balance: < 0 and var left } => $"balance {Percent(left)} (majority undersampled: {slider.Under})",
        { Balance: { } right } => $"balance +{Percent(right)} (minority oversampled: {slider.Over}, k={slider.K})",
        _ => $"{Percent(slider.TargetShare!.Value)} (under: {slider.Under}, over: {slider.Over}, k={slider.K})",
    };

    /// <summary>Every slider of a run on one line: "class 'yes' → 50.0% (…); sex = female → neutral".</summary>
    public static string Sliders(RecordedRun run) =>
        string.Join("; ", run.Sliders.Select(s => $"{Group(s.Group, run.Dataset)} → {Position(s)}"));

    /// <summary>What resampling did, one clause per slider away from neutral; "none" when nothing moved.</summary>
    public static string Resampling(TrainingSummary? training)
    {
        if (training is null) return "not recorded";
        if (training.Changes.Count == 0) return training.Leaky ? "none (leaky mode)" : "none";
        var changes = training.Changes.Select(c =>
            $"{c.Group}: {Percent(c.ShareBefore)} → {Percent(c.ShareAfter)} by {c.Method}{(c.KUsed is { } k ? $" (k={k})" : "")}, +{c.RowsAdded} −{c.RowsRemoved} rows");
        return (training.Leaky ? "BEFORE the split (leaky): " : "") + string.Join("; ", changes);
    }

    /// <summary>Every warning of the run's resampling, one after another.</summary>
    public static string Warnings(TrainingSummary? training) =>
        training is null ? "" : string.Join("; ", training.Warnings.Concat(training.Changes.SelectMany(c => c.Warnings.Select(w => w.Message))).Distinct());

    /// <summary>Hyperparameters as set ("leaves=15; trees=100"), or "defaults".</summary>
    public static string Hyperparameters(HyperparameterValues values) => values.Values.Count == 0
        ? "defaults"
        : string.Join("; ", values.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Number(v.Value)}"));

    public static string ClassWeight(ClassWeighting weight) => weight.Mode switch
    {
        ClassWeightMode.None => "none",
        ClassWeightMode.Balanced => "balanced",
        ClassWeightMode.FromCosts => $"from costs (positive rows weigh C_FN / C_FP = {Number(weight.PositiveWeight)})",
        _ => $"custom (positive rows weigh {Number(weight.PositiveWeight)})",
    };

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A metric with three decimals, as the page shows it.</summary>
    public static string Metric(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
