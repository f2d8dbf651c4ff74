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
        _ => method.ToString(),
    };
}
