namespace Dashboard.Core.Training;

/// <summary>A trained model that scores rows with the probability of the positive class.</summary>
public interface IBinaryClassifier
{
    float[] PredictProbabilities(FeatureMatrix features);
}
