namespace Dashboard.Core.Explanations;

/// <summary>
/// Why a model scored one row as it did: starting from <see cref="BaseValue"/> (the average output over the
/// background rows), each original column's contribution moves the output until it reaches <see cref="Value"/>, the
/// model's output for this row. Base value plus all contributions equals the value (the Shapley values' additivity),
/// to rounding for the exact methods and exactly in sum for the sampling estimate, whose single terms are estimates.
/// </summary>
/// <param name="Row">The row's index in the data set.</param>
/// <param name="Output">What is explained, e.g. "probability" or "raw score (before Platt scaling)": the waterfall's unit.</param>
/// <param name="Contributions">Every original column, largest |contribution| first.</param>
public sealed record RowExplanation(
    int Row,
    string AlgorithmId,
    ExplanationMethod Method,
    string Output,
    double BaseValue,
    double Value,
    IReadOnlyList<ColumnContribution> Contributions);
