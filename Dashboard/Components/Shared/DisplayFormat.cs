using System.Globalization;

namespace Dashboard.Components.Shared;

/// <summary>How numbers read on screen, in one place, culture-invariant so every seat sees the same digits.</summary>
public static class DisplayFormat
{
    /// <summary>A metric value with three decimals: "0.742".</summary>
    public static string Metric(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A change with its sign: "+0.051", "−0.013", "±0.000".</summary>
    public static string Delta(double delta)
    {
        var rounded = Math.Round(delta, 3);
        if (rounded == 0) return "±0.000";
        // U+2212 (minus) lines up with the plus sign in proportional fonts.
        return (rounded > 0 ? "+" : "\u2212") + Math.Abs(rounded).ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>A share as a percentage with one decimal: "38.4%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A duration in seconds, two significant decimals below 10 s: "0.42 s".</summary>
    public static string Seconds(double seconds) =>
        seconds.ToString(seconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>A count with thousands separators: "1,234".</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A data value in a table: whole thousands with separators ("3,101,320"), else four significant digits ("0.1667").</summary>
    public static string Compact(double value) =>
        Math.Abs(value) >= 1000 && Math.Abs(value) < 1e15
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A setting's value as typed: at most six significant digits; tiny values as "1e-6", the way scikit-learn's docs write them.</summary>
    public static string Setting(double value) =>
        value != 0 && Math.Abs(value) < 1e-4
            ? value.ToString("0.#####e0", CultureInfo.InvariantCulture)
            : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A regression number: R² with three decimals, an error in the target's unit ("14,731").</summary>
    public static string Regression(Core.Metrics.RegressionMetricId id, double value) =>
        id == Core.Metrics.RegressionMetricId.R2 ? Metric(value) : Compact(value);

    /// <summary>A regression number's change with its sign: R² as <see cref="Delta"/>, an error in the target's unit ("+1,204", "−310").</summary>
    public static string RegressionDelta(Core.Metrics.RegressionMetricId id, double delta)
    {
        if (id == Core.Metrics.RegressionMetricId.R2) return Delta(delta);
        var rounded = Math.Round(delta);
        if (rounded == 0) return "±0";
        return (rounded > 0 ? "+" : "\u2212") + Compact(Math.Abs(rounded));
    }
}
