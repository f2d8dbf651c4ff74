using System.Globalization;
using Dashboard.Components.Shared;
using Dashboard.Core.Metrics;

namespace Dashboard.Components.Cards;

/// <summary>
/// The accuracy paradox in plain words: when a model predicts only one class on the test rows, its
/// accuracy is just that class's share, however good it looks. Null when it predicts both classes.
/// </summary>
public static class OneClassWarning
{
    public static string? For(ConfusionMatrix confusion, ClassLabels classes)
    {
        if (confusion.Total == 0) return null;
        var accuracy = ((confusion.TruePositives + confusion.TrueNegatives) / (double)confusion.Total).ToString("0%", CultureInfo.InvariantCulture);
        if (confusion.PredictedPositives == 0 && confusion.Positives > 0)
        {
            return $"Finds none of the {confusion.Positives:N0} {classes.Of(1)} rows: it calls every row {classes.Of(0)}. " +
                   $"Its {accuracy} accuracy is just the share of {classes.Of(0)} rows.";
        }
        if (confusion.PredictedNegatives == 0 && confusion.Negatives > 0)
        {
            return $"Calls every row {classes.Of(1)}: it finds all {confusion.Positives:N0} {classes.Of(1)} rows but none of the {confusion.Negatives:N0} {classes.Of(0)} rows. " +
                   $"Its {accuracy} accuracy is just the share of {classes.Of(1)} rows.";
        }
        return null;
    }
}
