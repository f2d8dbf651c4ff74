namespace Dashboard.Core.Training;

/// <summary>
/// An algorithm as data: what the UI shows (name, course role, hyperparameter schema) and the
/// factory that trains it. The trainer loops over descriptors; it never switches on ids.
/// </summary>
/// <param name="ClassWeightNote">How this algorithm applies class weights, when it differs from weighting each row's loss.</param>
/// <param name="Caption">One line the card shows under the name when the algorithm does something a student should know
/// before comparing it (an ensemble that balances the classes again inside, a detector that never sees a positive row).</param>
public sealed record AlgorithmDescriptor(
    string Id,
    string DisplayName,
    string Role,
    IReadOnlyList<HyperparameterSpec> Hyperparameters,
    Func<TrainingInput, CancellationToken, IBinaryClassifier> Train,
    string? ClassWeightNote = null,
    string? Caption = null)
{
    /// <summary>A regressor (for a numeric target) in one of the four seats: same id, its own settings, no classifier.</summary>
    public static AlgorithmDescriptor Regressor(string id, string displayName, string role, IReadOnlyList<HyperparameterSpec> hyperparameters,
        Func<RegressionInput, CancellationToken, IRegressor> regress) =>
        new(id, displayName, role, hyperparameters,
            (_, _) => throw new InvalidOperationException($"{displayName} predicts numbers; it cannot classify. Use AlgorithmCatalog.Get(id, TargetTask.Classification)."))
        {
            Regress = regress,
        };

    /// <summary>What kind of learner it is, for what its card must say before a student compares it (the sliders act first).</summary>
    public AlgorithmKind Kind { get; init; } = AlgorithmKind.Classifier;

    /// <summary>
    /// True when its fit is made of independent parts that can use a core the run's other fits have left
    /// (<see cref="TrainingInput.SpareCore"/>): such a fit starts last (<see cref="StartOrder"/>) and spreads over the
    /// cores as they free up, so it does not leave one core idle at the end of a run.
    /// </summary>
    public bool SpreadsOverSpareCores { get; init; }

    /// <summary>Trains the regressor; null for a classifier.</summary>
    public Func<RegressionInput, CancellationToken, IRegressor>? Regress { get; init; }

    /// <summary>What the algorithm predicts: classes, or numbers when it is a regressor.</summary>
    public Data.TargetTask Task => Regress is null ? Data.TargetTask.Classification : Data.TargetTask.Regression;

    public HyperparameterSpec Spec(string name) =>
        Hyperparameters.FirstOrDefault(h => h.Name == name)
        ?? throw new ArgumentException($"{DisplayName} has no setting '{name}'. Its settings are: {string.Join(", ", Hyperparameters.Select(h => h.Name))}.", nameof(name));

    /// <summary>Throws an <see cref="ArgumentException"/> naming every setting that is unknown or out of range.</summary>
    public void Validate(HyperparameterValues values)
    {
        var problems = new List<string>();
        foreach (var (name, value) in values.Values)
        {
            var spec = Hyperparameters.FirstOrDefault(h => h.Name == name);
            if (spec is null) problems.Add($"{DisplayName} has no setting '{name}'.");
            else if (spec.Validate(value) is { } problem) problems.Add(problem);
        }
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
    }
}
