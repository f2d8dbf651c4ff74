using Dashboard.Core.Resampling;

namespace Dashboard.Core.Training;

/// <summary>A run's rows, resampled and featurized, with the report of what resampling did.</summary>
public sealed record PreparedRun(LoopData Data, TrainingSummary Summary, ResampledTrainingSet Resampled);
