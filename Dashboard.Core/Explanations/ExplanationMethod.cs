namespace Dashboard.Core.Explanations;

/// <summary>How a row's contributions were computed.</summary>
public enum ExplanationMethod
{
    /// <summary>Exact interventional TreeSHAP over a background sample of training rows: additive to rounding.</summary>
    TreeShap,

    /// <summary>Exact for a linear score: w_i · (x_i − mean_i) over the background rows' means.</summary>
    Linear,

    /// <summary>Permutation-sampling Shapley estimate (Štrumbelj and Kononenko) with a standard error per column.</summary>
    SamplingShapley,
}
