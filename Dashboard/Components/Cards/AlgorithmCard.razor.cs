using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using Dashboard.Core.Metrics;
using Dashboard.Core.Training;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Cards;

/// <summary>
/// One algorithm's seat: its settings (from the descriptor's schema), its training status and its
/// latest result, with a threshold slider that recomputes every number from the stored test scores
/// (no retraining). Settings are drafted locally and raised only when applied and valid.
/// </summary>
public sealed partial class AlgorithmCard
{
    private readonly Dictionary<string, double> _draft = [];
    private ClassWeightMode _draftWeightMode;
    private double _draftPositiveWeight = 1;
    private string? _appliedSignature;
    private string? _applyProblem;

    private double _threshold = 0.5;
    private double? _lastThresholdParameter;
    private ScoredPredictions? _predictions;
    private ScoredPredictions? _baselinePredictions;
    private (AlgorithmResult? Result, AlgorithmResult? Baseline, IReadOnlyList<int>? Labels) _scoredFor;
    private BinaryMetrics? _shown;
    private BinaryMetrics? _baselineShown;

    /// <summary>The algorithm this card is for: name, role, hyperparameter schema.</summary>
    [Parameter, EditorRequired]
    public AlgorithmDescriptor Algorithm { get; set; } = default!;

    /// <summary>The latest result; null before the first run.</summary>
    [Parameter]
    public AlgorithmResult? Result { get; set; }

    /// <summary>The baseline run's result for the same algorithm, for the F1 change and the table's change column.</summary>
    [Parameter]
    public AlgorithmResult? Baseline { get; set; }

    /// <summary>The test rows' labels (1 positive, 0 negative) in score order: what the threshold slider needs.</summary>
    [Parameter]
    public IReadOnlyList<int>? TestLabels { get; set; }

    /// <summary>The settings now in force (default: the result's, else the defaults).</summary>
    [Parameter]
    public HyperparameterValues? Hyperparameters { get; set; }

    /// <summary>The class weight now in force (default: the result's, else none).</summary>
    [Parameter]
    public ClassWeighting? ClassWeight { get; set; }

    /// <summary>Raised when the user applies new, valid settings.</summary>
    [Parameter]
    public EventCallback<AlgorithmSettingsChange> SettingsApplied { get; set; }

    /// <summary>The decision threshold; bindable with <c>@bind-Threshold</c>.</summary>
    [Parameter]
    public double Threshold { get; set; } = 0.5;

    /// <summary>Raised as the threshold slider moves (the card has already recomputed itself).</summary>
    [Parameter]
    public EventCallback<double> ThresholdChanged { get; set; }

    /// <summary>Chooses a threshold on validation rows for a metric (server side); null hides the "best threshold" control.</summary>
    [Parameter]
    public Func<MetricId, CancellationToken, Task<ValidationThresholdResult>>? FindBestThreshold { get; set; }

    /// <summary>Chooses the lowest-cost threshold on validation rows for the room's costs (server side); null leaves "lowest cost" out.</summary>
    [Parameter]
    public Func<CancellationToken, Task<ValidationCostThresholdResult>>? FindLowestCostThreshold { get; set; }

    /// <summary>The room's costs: the expected cost line and the "from costs" class weight use them.</summary>
    [Parameter]
    public CostMatrix Costs { get; set; } = CostMatrix.Equal;

    /// <summary>True when another team member holds this seat: every control is disabled.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>True in leaky mode: the card carries a badge, since its scores are inflated.</summary>
    [Parameter]
    public bool Leaky { get; set; }

    /// <summary>True when this member may not move the room's threshold for this card (another's seat, or classroom mode).</summary>
    [Parameter]
    public bool ThresholdLocked { get; set; }

    /// <summary>Who holds the seat, shown as "Ana tunes this".</summary>
    [Parameter]
    public string? SeatHolder { get; set; }

    [Parameter]
    public AlgorithmActivity Activity { get; set; }

    /// <summary>The status line's text; a default per activity when null.</summary>
    [Parameter]
    public string? StatusMessage { get; set; }


    /// <summary>The data set's names for the target and its classes.</summary>
    [Parameter]
    public ClassLabels Classes { get; set; } = ClassLabels.Default;

    /// <summary>
    /// Called when a user picks a cell of the confusion matrix, with the threshold the card shows it at (the card's own
    /// while the slider is dragged): the page lists that cell's test rows. Without it the matrix is not clickable.
    /// </summary>
    [Parameter]
    public EventCallback<Explanations.CellChoice> OnCellChosen { get; set; }

    private Task ChooseCell(ConfusionCell cell) => OnCellChosen.InvokeAsync(new Explanations.CellChoice(Algorithm.Id, cell, _threshold));

    /// <summary>For a numeric target: which true values are rare (the predicted-vs-actual plot shades them).</summary>
    [Parameter]
    public RelevanceFunction? Relevance { get; set; }

    /// <summary>A regressor's card: no class weight, no threshold, R² and errors instead of a confusion matrix.</summary>
    private bool IsRegressor => Algorithm.Task == TargetTask.Regression;

    private HyperparameterValues Applied => Hyperparameters ?? Result?.Hyperparameters ?? HyperparameterValues.Defaults;

    private ClassWeighting AppliedWeight => ClassWeight ?? Result?.ClassWeight ?? ClassWeighting.None;

    private double? F1Delta => _shown is { } shown && _baselineShown is { } baseline && shown.IsDefined(MetricId.F1) && baseline.IsDefined(MetricId.F1)
        ? shown.F1 - baseline.F1
        : null;

    private string? PositiveWeightProblem => _draftWeightMode == ClassWeightMode.Custom && !(_draftPositiveWeight > 0 && _draftPositiveWeight <= 1000)
        ? $"The weight must be above 0 and at most 1000; {DisplayFormat.Setting(_draftPositiveWeight)} was given."
        : null;

    private string FromCostsText =>
        $"a {Classes.Describe(1)} row weighs C_FN / C_FP = {DisplayFormat.Setting(Costs.FalseNegative)} / {DisplayFormat.Setting(Costs.FalsePositive)} = " +
        $"{DisplayFormat.Setting(Costs.PositiveClassWeight)} (the room's costs; it follows them when the host changes them)";

    private bool IsDraftValid => PositiveWeightProblem is null && Algorithm.Hyperparameters.All(spec => spec.Validate(DraftValue(spec)) is null);

    private bool IsDraftChanged => Signature(DraftValues(), DraftWeight()) != _appliedSignature;

    private bool CanApply => IsDraftChanged && IsDraftValid;

    protected override void OnParametersSet()
    {
        // Applied settings that really changed (another seat, a new run) replace the draft; the
        // same settings arriving again leave the user's unfinished edits alone.
        var applied = Signature(Applied, AppliedWeight);
        if (applied != _appliedSignature)
        {
            _appliedSignature = applied;
            ResetDraft();
        }
        if (_lastThresholdParameter != Threshold)
        {
            _lastThresholdParameter = Threshold;
            _threshold = Threshold;
        }
        if (!ReferenceEquals(_scoredFor.Result, Result) || !ReferenceEquals(_scoredFor.Baseline, Baseline) || !ReferenceEquals(_scoredFor.Labels, TestLabels))
        {
            _scoredFor = (Result, Baseline, TestLabels);
            _predictions = ThresholdMetrics.Predictions(Result, TestLabels);
            _baselinePredictions = ThresholdMetrics.Predictions(Baseline, TestLabels);
        }
        Recompute();
    }

    /// <summary>The shown metrics at the current threshold: from the stored scores when there are labels, else as trained.</summary>
    private void Recompute()
    {
        _shown = Result is { Status: AlgorithmStatus.Completed } ? _predictions?.MetricsAt(_threshold) ?? Result.Metrics : null;
        _baselineShown = Baseline is { Status: AlgorithmStatus.Completed } ? _baselinePredictions?.MetricsAt(_threshold) ?? Baseline.Metrics : null;
    }

    private async Task OnThresholdChangedAsync(double threshold)
    {
        _threshold = threshold;
        Recompute();
        await ThresholdChanged.InvokeAsync(threshold);
    }

    private double DraftValue(HyperparameterSpec spec) => _draft.TryGetValue(spec.Name, out var value) ? value : spec.Default;

    private void SetDraft(HyperparameterSpec spec, double value)
    {
        _draft[spec.Name] = value;
        _applyProblem = null;
    }

    private void SetWeightMode(ClassWeightMode mode)
    {
        _draftWeightMode = mode;
        _applyProblem = null;
    }

    private void SetPositiveWeight(double weight)
    {
        _draftPositiveWeight = weight;
        _applyProblem = null;
    }

    private void ResetDraft()
    {
        _draft.Clear();
        foreach (var spec in Algorithm.Hyperparameters)
        {
            _draft[spec.Name] = Applied.Get(spec);
        }
        _draftWeightMode = AppliedWeight.Mode;
        _draftPositiveWeight = AppliedWeight.PositiveWeight;
        _applyProblem = null;
    }

    private async Task ApplyAsync()
    {
        if (ReadOnly) return;
        // The button is disabled while anything is invalid; check again so that no path sends a bad value.
        var problems = Algorithm.Hyperparameters.Select(spec => spec.Validate(DraftValue(spec))).Append(PositiveWeightProblem).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            _applyProblem = string.Join(" ", problems);
            return;
        }
        var values = DraftValues();
        var weight = DraftWeight();
        _appliedSignature = Signature(values, weight);
        await SettingsApplied.InvokeAsync(new AlgorithmSettingsChange(Algorithm.Id, values, weight));
    }

    /// <summary>The draft's values that differ from the defaults, integers rounded.</summary>
    private HyperparameterValues DraftValues() => new(Algorithm.Hyperparameters
        .Where(spec => DraftValue(spec) != spec.Default)
        .ToDictionary(spec => spec.Name, spec => spec.Kind == HyperparameterKind.Integer ? Math.Round(DraftValue(spec)) : DraftValue(spec)));

    private ClassWeighting DraftWeight() => _draftWeightMode switch
    {
        ClassWeightMode.Custom => new ClassWeighting(ClassWeightMode.Custom, _draftPositiveWeight),
        ClassWeightMode.Balanced => new ClassWeighting(ClassWeightMode.Balanced),
        ClassWeightMode.FromCosts => ClassWeighting.FromCosts(Costs),
        _ => ClassWeighting.None,
    };

    /// <summary>Settings as comparable text: every spec's effective value, then the weight.</summary>
    private string Signature(HyperparameterValues values, ClassWeighting weight) =>
        string.Join(";", Algorithm.Hyperparameters.Select(spec => $"{spec.Name}={Exact(values.Get(spec))}"))
        + $";weight={weight.Mode}:{(weight.Mode is ClassWeightMode.Custom or ClassWeightMode.FromCosts ? Exact(weight.PositiveWeight) : "")}";

    private static string Exact(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
