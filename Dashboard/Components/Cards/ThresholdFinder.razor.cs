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

    private MetricId _metric = MetricId.F1;
    private bool _busy;
    private string? _outcome;
    private bool _failed;
    private CancellationTokenSource? _cancellation;

    /// <summary>Runs the search on the server.</summary>
    [Parameter, EditorRequired]
    public Func<MetricId, CancellationToken, Task<ValidationThresholdResult>> Find { get; set; } = default!;

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
            var result = await Find(_metric, _cancellation.Token);
            var choice = result.Choice;
            _outcome = $"Best {MetricCatalog.Get(choice.Metric).DisplayName} on {DisplayFormat.Count(result.ValidationRows)} validation rows " +
                $"(held out of the training rows; the test rows are never used): {DisplayFormat.Metric(choice.Value)} " +
                $"at threshold {DisplayFormat.Metric(choice.Threshold)}, now set on the threshold slider.";
            await Found.InvokeAsync(choice.Threshold);
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

    public void Dispose()
    {
        _cancellation?.Cancel();
        _cancellation?.Dispose();
    }
}
