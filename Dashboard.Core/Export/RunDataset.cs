namespace Dashboard.Core.Export;

/// <summary>The data set a run used, in the words the page showed it.</summary>
/// <param name="Source">A bundled data set's name or an upload's id ("upload:" + SHA-256).</param>
/// <param name="DisplayName">The title shown (bundled title or the uploaded file's name).</param>
/// <param name="Target">The column predicted.</param>
/// <param name="PositiveClass">The class counted as positive (label 1).</param>
/// <param name="NegativeClass">The other class (label 0), or "rest" for one-vs-rest.</param>
/// <param name="TrainRows">Training rows of the split, before resampling.</param>
/// <param name="TestRows">Untouched test rows every result is scored on.</param>
/// <param name="Credit">Where a bundled data set comes from; null for uploads.</param>
public sealed record RunDataset(
    string Source,
    string DisplayName,
    string Target,
    string PositiveClass,
    string NegativeClass,
    int TrainRows,
    int TestRows,
    string? Credit = null);
