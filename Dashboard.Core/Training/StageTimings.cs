namespace Dashboard.Core.Training;

/// <summary>Seconds spent in each stage of one algorithm's part of a run.</summary>
/// <param name="FeaturizeSeconds">Building the training matrix (shared by all algorithms of the run).</param>
/// <param name="FitSeconds">Training the model.</param>
/// <param name="ScoreSeconds">Scoring the test rows and computing metrics and curves.</param>
public sealed record StageTimings(double FeaturizeSeconds, double FitSeconds, double ScoreSeconds);
