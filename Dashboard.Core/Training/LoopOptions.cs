namespace Dashboard.Core.Training;

/// <summary>Run-wide settings of the Muller loop.</summary>
/// <param name="Threshold">Score at or above which a test row is predicted positive (on calibrated probabilities).</param>
/// <param name="Seed">Seed of every trainer (each algorithm gets its own context seeded with it).</param>
/// <param name="Owner">Who the fits are for (a room code): training slots are shared fairly between owners.</param>
public sealed record LoopOptions(double Threshold = 0.5, int Seed = 42, string Owner = "");
