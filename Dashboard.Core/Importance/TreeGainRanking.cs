using Dashboard.Core.Training;

namespace Dashboard.Core.Importance;

/// <summary>
/// The quick ranking: a tree ensemble's split gains per feature slot, summed per ORIGINAL column (every one-hot
/// slot of a category, a number and its missing flag), as shares of the total. It is read off the trained model in
/// no time, but it is measured on the training rows and favours columns with many distinct values; permutation
/// importance on the test rows is the one the sliders are chosen by.
/// </summary>
public static class TreeGainRanking
{
    /// <summary>Columns ranked by gain, largest first; every column of the featurizer appears, unused ones with 0.</summary>
    public static IReadOnlyList<ColumnGain> Rank(ITreeGains model, Featurizer featurizer)
    {
        var slots = featurizer.Slots;
        if (model.SlotGains.Count != slots.Count)
        {
            throw new ArgumentException($"The model reports gains for {model.SlotGains.Count} slots, but the featurizer has {slots.Count}.", nameof(model));
        }
        var total = model.SlotGains.Sum();
        return slots
            .Select((slot, index) => (slot.SourceColumn, Gain: model.SlotGains[index]))
            .GroupBy(p => p.SourceColumn, p => p.Gain)
            .Select(column => new ColumnGain(column.Key, column.Sum(), total > 0 ? column.Sum() / total : 0))
            .OrderByDescending(c => c.Gain).ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToArray();
    }
}

/// <summary>One original column's total split gain in a tree ensemble, and its share of all columns' gain.</summary>
public sealed record ColumnGain(string Column, double Gain, double Share);
