namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// One finished epoch of MLP training, as reported to progress and kept in the model's history.
/// Both losses are the mean weighted binary cross-entropy per row (sample weight times, for positive rows,
/// the positive-class weight), without the L2 penalty, so the two are comparable.
/// </summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean loss per training row over the epoch, each mini-batch measured just before its update.</param>
/// <param name="ValidationLoss">Loss on the held-out validation slice after the epoch; null when early stopping is off.</param>
public sealed record MlpEpoch(int Epoch, double TrainLoss, double? ValidationLoss);
