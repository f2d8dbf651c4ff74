using Dashboard.Core.Resampling;

namespace Dashboard.Components.Sliders;

/// <summary>How resampling methods are named on screen.</summary>
public static class MethodNames
{
    public static string Of(UndersamplingMethod method) => method switch
    {
        UndersamplingMethod.Random => "Random undersampling",
        UndersamplingMethod.NearMiss1 => "NearMiss-1",
        UndersamplingMethod.NearMiss2 => "NearMiss-2",
        UndersamplingMethod.NearMiss3 => "NearMiss-3",
        UndersamplingMethod.TomekLinks => "Tomek links",
        UndersamplingMethod.EditedNearestNeighbours => "Edited nearest neighbours",
        _ => method.ToString(),
    };

    public static string Of(OversamplingMethod method) => method switch
    {
        OversamplingMethod.Smote => "SMOTE (SMOTE-NC with categories)",
        OversamplingMethod.SmoteNc => "SMOTE-NC",
        OversamplingMethod.Random => "Random oversampling (duplicates)",
        OversamplingMethod.BorderlineSmote1 => "Borderline-SMOTE 1",
        OversamplingMethod.Adasyn => "ADASYN",
        OversamplingMethod.SmoteR => "SMOTER (Torgo et al. 2013)",
        OversamplingMethod.Smogn => "SMOGN (SMOTER + Gaussian noise)",
        OversamplingMethod.GaussianNoise => "Gaussian noise copies",
        _ => method.ToString(),
    };

    /// <summary>The oversamplers that make sense for a numeric target (the engine reads SMOTE as SMOTER there).</summary>
    public static IReadOnlyList<OversamplingMethod> ForRegression { get; } =
        [OversamplingMethod.Smote, OversamplingMethod.Smogn, OversamplingMethod.Random, OversamplingMethod.GaussianNoise];

    /// <summary>A method's name for a target of this task: for a numeric target SMOTE is SMOTER (targets interpolated too).</summary>
    public static string Of(OversamplingMethod method, Core.Data.TargetTask task) =>
        task == Core.Data.TargetTask.Regression && method is OversamplingMethod.Smote or OversamplingMethod.SmoteNc or OversamplingMethod.SmoteR
            ? Of(OversamplingMethod.SmoteR)
            : Of(method);
}
