using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Cards;

/// <summary>
/// "Best threshold" for one algorithm: the user picks a metric, the server trains once more on the training rows
/// minus a validation slice and chooses the threshold that maximises the metric there (never on the test rows);
/// the card's threshold then moves to it. Says what it measured, or why it could not.
/// </summary>
public sealed partial class ThresholdFinder
{
    /// <summary>The metrics a threshold can be chosen for (the ranking metrics do not depend on it).</summary>
    private static readonly MetricId[] Metrics = MetricCatalog.All.Where(m => m.DependsOnThreshold).Select(m => m.Id).ToArray();

    /// <summary>The select's value for "lowest cost" (no metric: the room's costs decide).</summary>
    private static readonly MetricId? LowestCost = null;

    private const string LowestCostText = "lowest cost";

    private MetricId? _metric = MetricId.F1;
    private bool _busy;
    private string? _outcome;
    private bool _failed;
    private CancellationTokenSource? _cancellation;

    /// <summary>Runs the search on the server.</summary>
    [Parameter, EditorRequired]
    public Func<MetricId, CancellationToken, Task<ValidationThresholdResult>> Find { get; set; } = default!;

    /// <summary>Chooses the lowest-cost threshold for the room's costs on the server; null leaves "lowest cost" out.</summary>
    [Parameter]
    public Func<CancellationToken, Task<ValidationCostThresholdResult>>? FindLowestCost { get; set; }

    /// <summary>Raised with the chosen threshold.</summary>
    [Parameter]
    public EventCallback<double> Found { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public string AlgorithmName { get; set; } = "";

    private async Task FindAsync()
    {
        _cancellation?.Cancel();
        _cancellation?.Dispose();
        _cancellation = new CancellationTokenSource();
        (_busy, _outcome, _failed) = (true, null, false);
        try
        {
            var (best, value, rows, threshold) = await ChooseAsync(_cancellation.Token);
            _outcome = $"{best} on {DisplayFormat.Count(rows)} validation rows " +
                $"(held out of the training rows; the test rows are never used): {value} at threshold {DisplayFormat.Metric(threshold)}, now set on the threshold slider.";
            await Found.InvokeAsync(threshold);
        }
        catch (OperationCanceledException)
        {
            _outcome = null;
        }
        catch (Exception exception)
        {
            // Whatever fails (a data set still loading, a fit that cannot run), it must stay in this card: an
            // exception escaping an event handler would end the user's whole circuit.
            (_outcome, _failed) = ($"Could not choose a threshold: {exception.Message}", true);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Runs the chosen search: what it chose for, the value it reached there, on how many validation rows, at which threshold.</summary>
    private async Task<(string Best, string Value, int Rows, double Threshold)> ChooseAsync(CancellationToken cancellationToken)
    {
        if (_metric is { } metric)
        {
            var result = await Find(metric, cancellationToken);
            return ($"Best {MetricCatalog.Get(metric).DisplayName}", DisplayFormat.Metric(result.Choice.Value), result.ValidationRows, result.Choice.Threshold);
        }
        var cheapest = await FindLowestCost!(cancellationToken);
        var costs = cheapest.Choice.Costs;
        return ($"Lowest expected cost (a false negative costs {DisplayFormat.Setting(costs.FalseNegative)}, a false positive {DisplayFormat.Setting(costs.FalsePositive)})",
            $"{DisplayFormat.Metric(cheapest.Choice.ExpectedCost)} per row", cheapest.ValidationRows, cheapest.Choice.Threshold);
    }

    public void Dispose()
    {
        _cancellation?.Cancel();
        _cancellation?.Dispose();
    }
}
