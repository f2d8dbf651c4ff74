namespace Dashboard.Core.Explanations;

/// <summary>A trained model with a linear score w·x + b (before any calibration), explained exactly.</summary>
internal interface ILinearExplainable
{
    IReadOnlyList<float> Weights { get; }

    double Bias { get; }

    string Output { get; }
}
