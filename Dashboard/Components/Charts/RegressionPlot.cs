namespace Dashboard.Components.Charts;

/// <summary>Which view of a regressor's test rows <see cref="PredictedActualChart"/> draws.</summary>
public enum RegressionPlot
{
    /// <summary>Predicted against actual value: a perfect model puts every point on the diagonal.</summary>
    PredictedVsActual,

    /// <summary>Residual (actual − predicted) against the prediction: a pattern means the model is biased somewhere.</summary>
    Residuals,

    /// <summary>Mean absolute error in each tenth of the test rows by true value: where along the target the model misses.</summary>
    ErrorByDecile,
}
