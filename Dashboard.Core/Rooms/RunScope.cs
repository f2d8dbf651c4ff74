namespace Dashboard.Core.Rooms;

/// <summary>What a command asks the runner to retrain.</summary>
public enum RunScope
{
    /// <summary>Nothing: the change is shown from stored results (threshold) or waits for the next run.</summary>
    None,

    /// <summary>One algorithm, on the current training rows (its settings changed).</summary>
    OneAlgorithm,

    /// <summary>Every algorithm, on newly resampled rows (a slider or the mode changed).</summary>
    AllAlgorithms,
}
