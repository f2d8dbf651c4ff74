using System.Globalization;

namespace Dashboard.Core.Training;

/// <summary>One tunable setting of an algorithm, as the UI renders it: a control with a range, a default and help text.</summary>
/// <param name="LogScale">True when the useful values span orders of magnitude (learning rates): the UI's control steps on a log scale.</param>
public sealed record HyperparameterSpec(
    string Name,
    string Label,
    HyperparameterKind Kind,
    double Min,
    double Max,
    double Default,
    string Help,
    bool LogScale = false)
{
    /// <summary>Null when the value is allowed, else a message that names the setting and its range.</summary>
    public string? Validate(double value)
    {
        if (double.IsNaN(value) || value < Min || value > Max)
        {
            return $"{Label} must be between {Format(Min)} and {Format(Max)}; {Format(value)} was given.";
        }
        if (Kind == HyperparameterKind.Integer && value != Math.Floor(value))
        {
            return $"{Label} must be a whole number; {Format(value)} was given.";
        }
        return null;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
