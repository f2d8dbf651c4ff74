using Dashboard.Core.Data;

namespace Dashboard.Components.Shared;

/// <summary>
/// The data set's words for its classes, so every card and chart says "survived=yes" rather than
/// "positive". Label 1 is the positive class, 0 the negative one, as everywhere in the Core.
/// </summary>
public sealed record ClassLabels(string Target, string Positive, string Negative)
{
    public static ClassLabels Default { get; } = new("class", "positive", "negative");

    public static ClassLabels From(LabeledDataset data) => new(data.TargetColumn, data.PositiveClass, data.NegativeClass);

    /// <summary>The class's own label: "yes".</summary>
    public string Of(int label) => label == 1 ? Positive : Negative;

    /// <summary>The class with its target: "survived=yes".</summary>
    public string Describe(int label) => $"{Target}={Of(label)}";
}
