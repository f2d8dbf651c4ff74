using Dashboard.Core.Training;

namespace Dashboard.Core.Rooms;

/// <summary>
/// One algorithm card of a room: its settings, the member who tunes it (null: anyone), and its
/// decision threshold, which every view of the room uses (cards, comparison, history, stored runs).
/// </summary>
public sealed record AlgorithmSeat(string AlgorithmId, HyperparameterValues Hyperparameters, ClassWeighting ClassWeight, string? HolderId = null,
    double Threshold = AlgorithmSeat.DefaultThreshold)
{
    public const double DefaultThreshold = 0.5;

    /// <summary>The settings a run trains this seat with: its classifier, or its regressor for a numeric target (class weights do not apply).</summary>
    public AlgorithmSettings ToSettings(Data.TargetTask task = Data.TargetTask.Classification) => task == Data.TargetTask.Regression
        ? new(AlgorithmCatalog.Get(AlgorithmId, task), Hyperparameters, ClassWeighting.None)
        : new(AlgorithmCatalog.Get(AlgorithmId), Hyperparameters, ClassWeight);

    /// <summary>The seat as a room on a data set of this task keeps it: null when no algorithm of its id does the task
    /// (an added classifier, for a numeric target); defaults for settings the task's algorithm does not have.</summary>
    public AlgorithmSeat? For(Data.TargetTask task)
    {
        var algorithm = task == Data.TargetTask.Regression
            ? AlgorithmCatalog.RegressionDefaults.FirstOrDefault(a => a.Id == AlgorithmId)
            : AlgorithmCatalog.All.FirstOrDefault(a => a.Id == AlgorithmId);
        if (algorithm is null) return null;
        var seat = task == Data.TargetTask.Regression ? this with { ClassWeight = ClassWeighting.None } : this;
        // The svm seat's classifier and regressor have different settings (C and passes; C, ε and passes).
        try
        {
            algorithm.Validate(Hyperparameters);
            return seat;
        }
        catch (ArgumentException)
        {
            return seat with { Hyperparameters = HyperparameterValues.Defaults };
        }
    }
}
