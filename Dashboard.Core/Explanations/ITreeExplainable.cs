namespace Dashboard.Core.Explanations;

/// <summary>A trained model that can show its trees for exact TreeSHAP; null when it cannot (then the sampling estimate is used).</summary>
internal interface ITreeExplainable
{
    AdditiveTrees? ExplainedTrees { get; }
}
