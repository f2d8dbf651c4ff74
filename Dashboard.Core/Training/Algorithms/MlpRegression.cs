using Dashboard.Core.Training.Mlp;

namespace Dashboard.Core.Training.Algorithms;

/// <summary>
/// Neural network for a numeric target: the product's MLP with a linear output and squared loss, fitted to the
/// standardized target (predictions scaled back); early stopping's validation slice keeps the share of rare values.
/// </summary>
internal static class MlpRegression
{
    public static AlgorithmDescriptor Descriptor { get; } = AlgorithmDescriptor.Regressor(
        "mlp", "Neural network regression (MLP)", "neural network", MlpAlgorithm.Descriptor.Hyperparameters, Train);

    private static IRegressor Train(RegressionInput input, CancellationToken cancellationToken)
    {
        var options = MlpAlgorithm.Options(input.Hyperparameters);
        var scale = TargetScale.Of(input.Targets);
        var standardized = scale.Standardize(input.Targets);
        // Strata for the validation slice: above or below the mean, so both ends of the target are in it.
        var strata = Array.ConvertAll(standardized, z => z > 0 ? 1 : 0);
        var model = new MlpTrainer(options).FitRegression(input.Features, Array.ConvertAll(standardized, z => (float)z), strata, input.Seed,
            cancellationToken: cancellationToken);
        return new Regressor(model, scale);
    }

    private sealed class Regressor(MlpModel model, TargetScale scale) : IRegressor
    {
        public double[] Predict(FeatureMatrix features) => scale.Restore(model.Outputs(features).Select(o => (double)o));
    }
}
