namespace Dashboard.Core.Explanations;

/// <summary>How much work an explanation may do.</summary>
/// <param name="BackgroundRows">Training rows drawn as the "average row" the contributions are measured from.</param>
/// <param name="Samples">Permutations (each with one background row) for the sampling estimate; the error shrinks as 1/sqrt.</param>
public sealed record ExplanationOptions(int BackgroundRows = 100, int Samples = 400, int Seed = 42);
