using Dashboard.Components.Shared;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Cards;

/// <summary>
/// One hyperparameter's control, rendered from its <see cref="HyperparameterSpec"/>: a numeric field
/// (whole-number steps for integers) with the range as helper text and the help as tooltip, plus a
/// slider on the exponent for log-scale settings. Any value is passed up, so the card can say what
/// is wrong; an out-of-range one shows the spec's own validation message here.
/// </summary>
public sealed partial class HyperparameterField
{
    [Parameter, EditorRequired]
    public HyperparameterSpec Spec { get; set; } = default!;

    [Parameter]
    public double Value { get; set; }

    [Parameter]
    public EventCallback<double> ValueChanged { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The spec's message when <see cref="Value"/> is not allowed, else null.</summary>
    internal string? Problem => Spec.Validate(Value);

    private string RangeText => $"{DisplayFormat.Setting(Spec.Min)} – {DisplayFormat.Setting(Spec.Max)}" + (Spec.LogScale ? ", log scale" : "");

    private double Step => Spec.Kind == HyperparameterKind.Integer ? 1
        // A log-scale value steps by a tenth of its order of magnitude: 0.1 by 0.01, 0.001 by 0.0001.
        : Spec.LogScale ? Math.Pow(10, Math.Floor(Math.Log10(Math.Max(Value, Spec.Min))) - 1)
        : NiceStep((Spec.Max - Spec.Min) / 100);

    private double Exponent => Math.Log10(Math.Clamp(Value, Spec.Min, Spec.Max));

    private Task OnTypedAsync(double value) => ValueChanged.InvokeAsync(value);

    private Task OnExponentChangedAsync(double exponent)
    {
        // Two significant digits: 10^-2.3 reads as 0.005, not 0.00501187.
        var value = Math.Clamp(RoundToSignificant(Math.Pow(10, exponent), 2), Spec.Min, Spec.Max);
        return ValueChanged.InvokeAsync(value);
    }

    internal static double RoundToSignificant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1);
        return Math.Round(value / scale) * scale;
    }

    // The power of ten at or below a hundredth of the range: 0.0099 -> 0.001.
    private static double NiceStep(double raw) => raw > 0 ? Math.Pow(10, Math.Floor(Math.Log10(raw))) : 1;
}
