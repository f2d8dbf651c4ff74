using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>The rows of one class of the target (label 1 = positive, 0 = negative): the class-balance slider.</summary>
public sealed record ClassGroup(int Label) : FocusGroup
{
    /// <summary>The default class-balance group: the class with fewer training rows (the positive class on a tie).</summary>
    public static ClassGroup Minority(LabeledDataset data, IReadOnlyList<int> trainRows)
    {
        var positives = trainRows.Count(r => data.Labels[r] == 1);
        return new ClassGroup(positives <= trainRows.Count - positives ? 1 : 0);
    }

    public override string Describe(LabeledDataset data) =>
        data.Task == TargetTask.Regression ? $"{data.ClassName(Label)} of '{data.TargetColumn}'" : $"class '{data.ClassName(Label)}'";

    internal override BoundGroup Bind(FeatureSpace space)
    {
        if (Label is not (0 or 1))
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"A class group's label must be 1 (positive) or 0 (negative); {Label} was given.", space.Data.Data.Name, value: Label.ToString());
        }
        return new Bound(Describe(space.Data), Label);
    }

    private sealed class Bound(string description, int label) : BoundGroup(description)
    {
        public override int? ClassLabel => label;

        public override bool Contains(WorkingSet work, int entry) => work.LabelOf(entry) == label;
    }
}
