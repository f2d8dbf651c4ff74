namespace Dashboard.Core.Data;

/// <summary>A control point of a relevance function: at target value <paramref name="Value"/> the relevance is <paramref name="Relevance"/> and its slope <paramref name="Slope"/>.</summary>
public readonly record struct RelevancePoint(double Value, double Relevance, double Slope);
