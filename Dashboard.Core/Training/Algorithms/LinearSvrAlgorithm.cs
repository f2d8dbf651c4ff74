using Dashboard.Core.Training.Svm;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Support vector machine for a numeric target: scikit-learn LinearSVR's model (ε-insensitive loss, penalty C,
/// regularized intercept) by dual coordinate descent (<see cref="LinearSvrSolver"/>). The target is standardized
/// before fitting (ε is in standard deviations of the target) and predictions are scaled back: with house prices in
/// the hundreds of thousands and |βᵢ| ≤ C, an unscaled fit would need an enormous C to reach the prices at all.
/// </summary>
internal static class LinearSvrAlgorithm
{
    private static readonly HyperparameterSpec Penalty = new("c", "Penalty C", HyperparameterKind.Real, 1e-4, 100, 1,
        "How much a training row outside the ε tube costs. Small C keeps the model simple; large C fits the training rows harder.",
        LogScale: true);
    private static readonly HyperparameterSpec Epsilon = new("epsilon", "Tube half-width ε", HyperparameterKind.Real, 0, 2, 0,
        "Errors up to ε (in standard deviations of the target) cost nothing; 0 as scikit-learn's default.");
    private static readonly HyperparameterSpec Passes = LinearSvmAlgorithm.Descriptor.Spec("passes") with
    {
        Help = "Upper bound on the solver's passes through the training rows; it stops as soon as the solution has converged.",
    };

    /// <summary>Stop when a pass's violations are 1 % of the first pass's (liblinear's default for this solver is 10 %; 1 % is cheap here).</summary>
    private const double Tolerance = 0.01;

    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "svm", "Linear SVR", "support vector machine", [Penalty, Epsilon, Passes], Train);

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var hp = input.Hyperparameters;
        var scale = TargetScale.Of(input.Targets);
        var model = LinearSvrSolver.Fit(input.Features, scale.Standardize(input.Targets), hp.Get(Penalty), hp.Get(Epsilon), hp.GetInt(Passes), Tolerance,
            input.Seed, cancellationToken);
        return new Regressor(model, scale);
    }

    private sealed class Regressor(LinearSvmModel model, TargetScale scale) : IRegressor
    {
        public double[] Predict(FeatureMatrix features) => scale.Restore(model.DecisionValues(features));
    }
}
