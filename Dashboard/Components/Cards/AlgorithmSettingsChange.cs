using Dashboard.Core.Training;

namespace Dashboard.Components.Cards;

/// <summary>
/// New settings the user applied on an algorithm card: every value is within its range (the card
/// never raises an invalid one). Hyperparameters hold only the values that differ from the defaults.
/// </summary>
public sealed record AlgorithmSettingsChange(string AlgorithmId, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight);
