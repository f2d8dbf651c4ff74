namespace Dashboard.Core.Training;

/// <summary>What kind of learner a catalog entry is: it decides what its card says about the sliders.</summary>
public enum AlgorithmKind
{
    /// <summary>Learns from the training rows as the sliders leave them.</summary>
    Classifier,

    /// <summary>An imbalance-aware ensemble: it undersamples again inside each bag, tree, subset or round, after the sliders.</summary>
    BalancingEnsemble,

    /// <summary>A one-class detector: it trains on the negative rows only and scores how unusual a row is.</summary>
    OneClass,
}
