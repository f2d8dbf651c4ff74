using Dashboard.Core.Resampling;

namespace Dashboard.Core.Training;

/// <summary>What the resampling step of a run did to the training rows.</summary>
/// <param name="RowsBefore">Training rows before resampling (the split's training part).</param>
/// <param name="RowsAfter">Training rows the algorithms learn from.</param>
/// <param name="Changes">One report per slider away from neutral, in the order applied.</param>
/// <param name="ResampleSeconds">Time of the resampling step alone.</param>
/// <param name="TestRows">Rows the results are scored on: the split's untouched test rows, or in leaky mode the test part of
/// the resampled rows (synthetic rows among them).</param>
public sealed record TrainingSummary(
    int RowsBefore,
    int RowsAfter,
    int PositivesAfter,
    int SyntheticRows,
    IReadOnlyList<ChangeReport> Changes,
    IReadOnlyList<string> Warnings,
    double ResampleSeconds,
    bool Leaky,
    int TestRows = 0);
