namespace Dashboard.Core.Training;

/// <summary>One column of the feature matrix and the original data set column it came from.</summary>
/// <param name="Name">e.g. "age", "age (missing)", "gender=female", "country=(other)".</param>
/// <param name="SourceColumn">The original column's name; permutation importance permutes all slots of a column together.</param>
public sealed record FeatureSlot(string Name, string SourceColumn);
