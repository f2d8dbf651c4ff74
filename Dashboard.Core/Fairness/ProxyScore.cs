namespace Dashboard.Core.Fairness;

/// <summary>How strongly one column is associated with the sensitive column on the training rows.</summary>
/// <param name="Column">The column measured.</param>
/// <param name="CramersV">
/// Cramér's V of the contingency table of the two columns' categories, 0 (independent) to 1 (one determines the
/// other): sqrt(χ² / (n · (min(r, c) − 1))), χ² = Σ (O − E)² / E, E = row total · column total / n, without the
/// bias correction. 0 when the table has one row or column (flagged by <paramref name="Defined"/>).
/// </param>
/// <param name="Reading">How the column was turned into categories.</param>
/// <param name="Categories">The column's categories in the table, "(other)" and "(missing)" included.</param>
/// <param name="IsProxy">True when <paramref name="CramersV"/> is at or above <see cref="ProxyDetector.ProxyThreshold"/>.</param>
/// <param name="Defined">False when one of the columns has a single category in the training rows, so no association can be measured.</param>
public sealed record ProxyScore(string Column, double CramersV, ProxyReading Reading, int Categories, bool IsProxy, bool Defined);
