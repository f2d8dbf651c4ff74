using Dashboard.Core.Metrics;

namespace Dashboard.Components.Explanations;

/// <summary>A cell of one card's confusion matrix picked by a user, at the threshold the card showed it at.</summary>
public sealed record CellChoice(string AlgorithmId, ConfusionCell Cell, double Threshold);
