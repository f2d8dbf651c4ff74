using Dashboard.Core.Metrics;

namespace Dashboard.Core.Training;

/// <summary>A lowest-cost threshold chosen on validation rows for one algorithm (<see cref="ValidationThreshold.FindLowestCost"/>).</summary>
/// <param name="Choice">The threshold and its expected cost per row on the validation rows (optimistic for new rows).</param>
/// <param name="ValidationRows">Real training rows held out to choose on.</param>
/// <param name="FitRows">Rows the validation model trained on, after the slider changes.</param>
public sealed record ValidationCostThresholdResult(string AlgorithmId, CostThresholdChoice Choice, int ValidationRows, int FitRows);
