using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Charts;

/// <summary>
/// A chart component: builds a <see cref="ChartFigure"/> from its parameters whenever they change
/// and hands it to <see cref="PlotlyFigure"/>, which decides whether and when Plotly redraws.
/// Each chart keeps its figure-building in a static Build method, testable as plain C#.
/// </summary>
/// <remarks>
/// The live page re-renders whole for every burst of room events, and a page holds some twenty charts:
/// rebuilding (and fingerprinting) every figure each time was most of a render's cost. So a chart whose
/// parameters are what they were (equal values and records, lists with equal items; callbacks do not count,
/// the parent makes new ones on every render) keeps its figure and skips that render.
/// </remarks>
public abstract class ChartBase : ComponentBase
{
    private IReadOnlyDictionary<string, object?>? _lastInputs;
    private bool _inputsUnchanged;

    /// <summary>CSS height of the chart area.</summary>
    [Parameter]
    public string Height { get; set; } = "320px";

    protected ChartFigure Figure { get; private set; } = ChartFigure.Empty;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var inputs = parameters.ToDictionary();
        _inputsUnchanged = _lastInputs is not null && SameInputs(_lastInputs, inputs);
        _lastInputs = inputs;
        return base.SetParametersAsync(parameters);
    }

    protected override void OnParametersSet()
    {
        if (!_inputsUnchanged) Figure = BuildFigure();
    }

    // Only the render that follows unchanged parameters is skipped: a chart's own events (a picker) still render.
    protected override bool ShouldRender()
    {
        if (!_inputsUnchanged) return true;
        _inputsUnchanged = false;
        return false;
    }

    /// <summary>Rebuilds the figure after local state (a picker) changed, and re-renders.</summary>
    protected void Rebuild()
    {
        Figure = BuildFigure();
        _inputsUnchanged = false;
        StateHasChanged();
    }

    protected abstract ChartFigure BuildFigure();

    /// <summary>The same parameters: equal by value (records, strings, numbers), lists item by item; callbacks ignored.</summary>
    internal static bool SameInputs(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> now) =>
        before.Count == now.Count && now.All(p => before.TryGetValue(p.Key, out var old) && (IsCallback(p.Value) || Same(old, p.Value)));

    // A parent often hands a chart a list it made again in this render (a LINQ query over the view): equal items are the same input.
    private static bool Same(object? before, object? now) =>
        Equals(before, now) || before is System.Collections.IEnumerable a and not string && now is System.Collections.IEnumerable b and not string
            && a.Cast<object?>().SequenceEqual(b.Cast<object?>());

    private static bool IsCallback(object? value) =>
        value is Delegate or EventCallback || value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(EventCallback<>);
}
