using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Resampling;

/// <summary>Applies one <see cref="DistributionChange"/> to the working set and reports what it did.</summary>
internal static class ChangeRunner
{
    public static ChangeReport Run(ChangeContext context, DistributionChange change) =>
        change.Balance is null ? RunShare(context, change) : RunBalance(context, change);

    /// <summary>
    /// The class-balance slider: resolved against the classes as this change meets them (see <see cref="ClassBalance"/>),
    /// run as a plain change, and reported for the MINORITY class whichever class lost or gained rows.
    /// </summary>
    private static ChangeReport RunBalance(ChangeContext context, DistributionChange change)
    {
        var work = context.Work;
        if (change.Group is not ClassGroup minority || change.Balance is not { } position || ClassBalance.Problem(position) is not null)
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                ClassBalance.Problem(change.Balance ?? double.NaN) ?? "The class-balance change needs a class (the minority) as its group.", work.Space.Data.Data.Name);
        }
        var before = work.CountClasses();
        var resolved = ClassBalance.Resolve(change, minority, before);
        if (resolved is null && position != 0)
        {
            context.Warn(ResamplingWarningKind.MethodNotApplicable,
                $"{minority.Describe(work.Space.Data)} is not the smaller class here ({ChangeContext.Share((double)before.Of(minority.Label) / Math.Max(1, before.Total))} of the training rows), so there is nothing to balance.");
        }
        var inner = resolved is null ? null : RunShare(context, resolved);
        var after = work.CountClasses();
        var requested = ClassBalance.MinorityShare((double)before.Of(minority.Label) / Math.Max(1, before.Total), position);
        ClassSplit Only(ClassSplit counts) => minority.Label == 1 ? new ClassSplit(0, counts.Positive) : new ClassSplit(counts.Negative, 0);
        return new ChangeReport(context.ChangeIndex, minority.Describe(work.Space.Data), requested,
            inner is null ? requested : position < 0 ? 1 - inner.TargetShare : inner.TargetShare,
            Only(before), Only(after), before, after, context.RowsAdded, context.RowsRemoved,
            context.Method, context.KUsed, context.Search, context.Warnings.ToArray())
        {
            NeighboursSearched = context.NeighboursSearched,
            NeighboursReused = context.NeighboursReused,
            Side = ClassBalance.SideOf(position),
        };
    }

    private static ChangeReport RunShare(ChangeContext context, DistributionChange change)
    {
        var work = context.Work;
        var group = Validate(change, work.Space);
        var positions = work.PositionsWhere(e => group.Contains(work, e));
        if (positions.Count == 0)
        {
            throw new DatasetException(DataProblem.EmptyFocusGroup,
                $"The group {group.Description} has no training rows{(context.ChangeIndex > 0 ? " left after the earlier sliders" : "")}, so its share cannot be changed. Pick another category or range.",
                work.Space.Data.Data.Name);
        }
        var groupBefore = work.CountClasses(positions);
        var trainingBefore = work.CountClasses();
        var rest = work.Count - positions.Count;
        var targetShare = change.TargetShare;
        if (rest == 0)
        {
            context.Warn(ResamplingWarningKind.GroupIsEverything,
                $"Every training row is in {group.Description}, so its share is 100% and cannot move.");
            targetShare = 1;
        }
        else
        {
            var plan = TargetPlan.For(context, change.TargetShare, positions.Count, rest);
            targetShare = plan.Share;
            if (plan.GroupRows < positions.Count) Undersampler.Run(context, group, positions, plan.GroupRows, change);
            else if (plan.GroupRows > positions.Count) Oversampler.Run(context, group, positions, plan.GroupRows - positions.Count, change);
        }
        if (change.CleanAfter != CleaningMethod.None) CleanAfter(context, group, change, targetShare);
        var groupAfter = work.CountClassesWhere(e => group.Contains(work, e));
        return new ChangeReport(context.ChangeIndex, group.Description, change.TargetShare, targetShare,
            groupBefore, groupAfter, trainingBefore, work.CountClasses(), context.RowsAdded, context.RowsRemoved,
            context.Method, context.KUsed, context.Search, context.Warnings.ToArray())
        {
            NeighboursSearched = context.NeighboursSearched,
            NeighboursReused = context.NeighboursReused,
        };
    }

    private static BoundGroup Validate(DistributionChange change, FeatureSpace space)
    {
        ArgumentNullException.ThrowIfNull(change.Group);
        var name = space.Data.Data.Name;
        if (!double.IsFinite(change.TargetShare))
        {
            throw new DatasetException(DataProblem.InvalidSetting, $"A target share must be a number between 0 and 1; {change.TargetShare} was given.", name);
        }
        if (change.K < 1 || change.UnderK < 1)
        {
            throw new DatasetException(DataProblem.InvalidSetting,
                $"The number of neighbours k must be at least 1; k = {change.K} and {change.UnderK} for undersampling were given.", name);
        }
        return change.Group.Bind(space);
    }

    /// <summary>The SMOTE + Tomek / SMOTE + ENN presets: clean both classes after the move, as imbalanced-learn's combined samplers do.</summary>
    private static void CleanAfter(ChangeContext context, BoundGroup group, DistributionChange change, double targetShare)
    {
        var method = change.CleanAfter == CleaningMethod.TomekLinks ? "Tomek links" : "edited nearest neighbours";
        if (group.ClassLabel is null)
        {
            context.Warn(ResamplingWarningKind.MethodNotApplicable,
                $"Cleaning with {method} after resampling works on the class-balance slider only; it was skipped for {group.Description}.");
            return;
        }
        var everyone = context.AllPositions();
        var removed = change.CleanAfter == CleaningMethod.TomekLinks
            ? NeighbourCleaning.TomekLinks(context, everyone)
            : NeighbourCleaning.EditedNearestNeighbours(context, everyone, change.UnderK);
        context.UsedMethod(method);
        if (removed.Count == 0) return;
        var byClass = context.Work.CountClasses(removed);
        context.RemoveRows(removed);
        var share = (double)context.Work.CountClasses().Of(group.ClassLabel.Value) / context.Work.Count;
        context.Warn(ResamplingWarningKind.CleaningMovedShare, string.Create(CultureInfo.InvariantCulture,
            $"Cleaning with {method} removed {removed.Count} row(s) ({byClass.Of(0)} of class {context.ClassName(0)}, {byClass.Of(1)} of class {context.ClassName(1)}): the group's share is {ChangeContext.Share(share)} instead of {ChangeContext.Share(targetShare)}."));
    }
}
