using Dashboard.Core.Common;

namespace Dashboard.Core.Data;

/// <summary>Stratified train/test split: each class keeps its share in both parts, to within one row.</summary>
public static class StratifiedSplitter
{
    public const double DefaultTestShare = 0.25;

    public static DataSplit Split(ReadOnlySpan<int> labels, double testShare, int seed)
    {
        if (!(testShare > 0 && testShare < 1))
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"The test share must be between 0 and 1 (for example 0.25); {testShare} was given.", value: testShare.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var random = SeededRandom.For(seed, "split");
        var train = new List<int>(labels.Length);
        var test = new List<int>(labels.Length);
        var classes = new SortedSet<int>();
        foreach (var label in labels) classes.Add(label);
        foreach (var cls in classes)
        {
            var rows = new List<int>();
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] == cls) rows.Add(i);
            }
            var shuffled = rows.ToArray();
            random.Shuffle<int>(shuffled);
            // Both parts get at least one row of every class that has two or more.
            var testCount = (int)Math.Round(shuffled.Length * testShare, MidpointRounding.AwayFromZero);
            if (shuffled.Length >= 2) testCount = Math.Clamp(testCount, 1, shuffled.Length - 1);
            test.AddRange(shuffled[..testCount]);
            train.AddRange(shuffled[testCount..]);
        }
        train.Sort();
        test.Sort();
        return new DataSplit(train.ToArray(), test.ToArray(), seed, testShare);
    }
}
