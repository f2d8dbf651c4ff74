using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Charts;

/// <summary>
/// A chart that draws one chosen metric, with a picker: bindable (<c>@bind-Metric</c>), and it also
/// works unbound, keeping the reader's choice itself.
/// </summary>
public abstract class MetricChoice : ChartBase
{
    private MetricId? _lastParameter;

    [Parameter]
    public MetricId Metric { get; set; } = MetricId.F1;

    [Parameter]
    public EventCallback<MetricId> MetricChanged { get; set; }

    /// <summary>False hides the picker (the page has one for several charts).</summary>
    [Parameter]
    public bool ShowPicker { get; set; } = true;

    /// <summary>The metric on screen: the parameter, until the reader picks another.</summary>
    protected MetricId Chosen { get; private set; } = MetricId.F1;

    protected override void OnParametersSet()
    {
        if (_lastParameter != Metric)
        {
            _lastParameter = Metric;
            Chosen = Metric;
        }
        base.OnParametersSet();
    }

    protected async Task ChooseAsync(MetricId metric)
    {
        Chosen = metric;
        Rebuild();
        await MetricChanged.InvokeAsync(metric);
    }

    /// <summary>The axis range that fits the metric: MCC runs from −1, the others from 0.</summary>
    protected internal static IList<object> RangeOf(MetricId metric) => metric == MetricId.Mcc ? [-1.0, 1.05] : [0.0, 1.05];
}
