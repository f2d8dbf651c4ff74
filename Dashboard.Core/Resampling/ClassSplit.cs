namespace Dashboard.Core.Resampling;

/// <summary>Row counts per class (label 0 = negative, 1 = positive).</summary>
public sealed record ClassSplit(int Negative, int Positive)
{
    public int Total => Negative + Positive;

    public int Of(int label) => label == 1 ? Positive : Negative;
}
