namespace Dashboard.Core.Training;

/// <summary>How a hyperparameter's control behaves: whole numbers or real numbers.</summary>
public enum HyperparameterKind
{
    Integer,
    Real,
}
