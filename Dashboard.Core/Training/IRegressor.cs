namespace Dashboard.Core.Training;

/// <summary>A trained model that predicts a number (the target's value) for each row.</summary>
public interface IRegressor
{
    double[] Predict(FeatureMatrix features);
}
