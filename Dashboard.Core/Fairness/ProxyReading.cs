namespace Dashboard.Core.Fairness;

/// <summary>How <see cref="ProxyDetector"/> turned a column into categories before measuring its association.</summary>
public enum ProxyReading
{
    /// <summary>A categorical column's own categories (the rarest merged into "(other)" when there are many).</summary>
    Categories,

    /// <summary>A numeric column's quartiles of the training rows.</summary>
    Quartiles,

    /// <summary>An identifier-like text column (names) read as each row's most common word, then as categories.</summary>
    MostCommonWord,
}
