using Dashboard.Core.Training;

namespace Dashboard.Components.Cards;

/// <summary>
/// What a card must say before a student compares an extra with the four: an ensemble balances the classes again
/// after the sliders, a detector never sees a positive row. Null for an ordinary classifier.
/// </summary>
public static class KindNote
{
    public static string? For(AlgorithmDescriptor algorithm) => algorithm.Kind switch
    {
        AlgorithmKind.BalancingEnsemble =>
            "This ensemble undersamples inside each bag/tree: the sliders' resampling comes first, so a class slider at 50 % balances twice.",
        AlgorithmKind.OneClass =>
            "Trained on the negative rows only: it never saw a positive training row. Its score is how unusual a row is, not a probability.",
        _ => null,
    };
}
