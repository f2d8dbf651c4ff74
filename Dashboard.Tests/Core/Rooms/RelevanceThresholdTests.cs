using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>
/// The rare values of a numeric target at a relevance threshold the user sets (issue 14): the labels, the rare group's
/// exact count, the test rows that stay put, and the room command that reloads the data set at the new threshold.
/// </summary>
public class RelevanceThresholdTests
{
    private static readonly Dataset AmesRows = TestData.Bundled("ames_housing");
    private static readonly DatasetChoice Choice = new("ames_housing");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);

    private static LabeledDataset Ames(double? threshold) =>
        LabeledDataset.Create(AmesRows, new TargetChoice("Sale_Price") { RelevanceThreshold = threshold });

    /// <summary>
    /// By hand, from the control points docs/regression.md gives for ames (relevance 0 at the median 160,000, 1 at the
    /// high whisker end 338,931, no low extremes): between them r(t) = 3t² − 2t³, so a value is rare from
    /// 160,000 + t·178,931 up, with t solving 3t² − 2t³ = threshold (bisection; r rises on [0, 1]).
    /// </summary>
    private static double RareFrom(double threshold)
    {
        var (lo, hi) = (0.0, 1.0);
        for (var i = 0; i < 100; i++)
        {
            var t = (lo + hi) / 2;
            if (3 * t * t - 2 * t * t * t < threshold) lo = t; else hi = t;
        }
        return 160_000 + hi * (338_931 - 160_000);
    }

    [Theory]
    [InlineData(0.5, 462)] // docs/regression.md: 462 of 2,930 sales at UBL's default
    [InlineData(0.8, null)]
    [InlineData(0.2, null)]
    public void Create_Threshold_RareValuesAreThoseAtOrAboveIt_ExactCount(double threshold, int? documented)
    {
        var data = Ames(threshold);

        Assert.Equal(data.Regression!.Values.Count(v => v >= RareFrom(threshold)), data.PositiveCount);
        if (documented is { } count) Assert.Equal(count, data.PositiveCount);
        Assert.All(Enumerable.Range(0, data.RowCount), row => Assert.Equal(data.Regression.Relevance.Of(data.Regression.Values[row]) >= threshold ? 1 : 0, data.Labels[row]));
    }

    [Fact]
    public void Create_HigherThreshold_FewerRareRows_TestRowsStayTheSame()
    {
        var (usual, strict) = (Ames(null), Ames(0.8));

        Assert.True(strict.PositiveCount < usual.PositiveCount, $"{strict.PositiveCount} rare at 0.8 against {usual.PositiveCount} at 0.5");
        var (usualSplit, strictSplit) = (StratifiedSplitter.Split(usual.SplitLabels, 0.25, 42), StratifiedSplitter.Split(strict.SplitLabels, 0.25, 42));
        Assert.Equal(usualSplit.TestRows, strictSplit.TestRows);
        Assert.Equal(usual.Labels, usual.SplitLabels);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Create_ThresholdOutOfRange_ClearMessage(double threshold)
    {
        var error = Assert.Throws<ArgumentException>(() => Ames(threshold));

        Assert.StartsWith("The relevance threshold (how relevant a target value must be to count as rare) must be between 0.05 and 1", error.Message);
    }

    [Fact]
    public void RareAt_TrainingRows_CountAndWhereTheRareRangeStarts()
    {
        var data = Ames(null);
        var rows = Enumerable.Range(0, data.RowCount).Where(r => r % 4 != 0).ToArray();

        var rare = data.Regression!.RareAt(rows, 0.8);

        var strict = Ames(0.8);
        Assert.Equal(rows.Count(r => strict.Labels[r] == 1), rare.Count);
        Assert.Equal(rows.Length, rare.Rows);
        Assert.Null(rare.LowUpTo); // ames has no low extremes
        Assert.Equal(rows.Where(r => strict.Labels[r] == 1).Min(r => data.Regression.Values[r]), rare.HighFrom);
    }

    // The room: the command reloads the data set at the new threshold, and the loaded room's rare group is the new one.

    private static DatasetWorkspace Workspace(double? threshold)
    {
        var labeled = Ames(threshold);
        var split = DatasetWorkspace.SplitAndFeaturize(labeled, 0.25, 42);
        return new DatasetWorkspace("Ames", null, split, DatasetProfiler.Profile(labeled.Data, labeled), [], "LightGBM regression", []);
    }

    private static RoomView Loaded(DatasetChoice choice, double? threshold)
    {
        var view = RoomReducer.Apply(RoomView.Opening("K7Q-2MX", choice, restoring: null, T0), new EnterRoom("ana", "Ana", AsHost: true), T0).View;
        return RoomReducer.Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(threshold), choice), T0).View;
    }

    [Fact]
    public void SetRelevanceThreshold_RegressionRoom_ReloadsAtIt_RareGroupAndCountChange()
    {
        var room = Loaded(Choice, null);

        var step = RoomReducer.Apply(room, new SetRelevanceThreshold("ana", 0.8), T0.AddSeconds(1));

        Assert.Null(step.Refusal);
        var load = Assert.Single(step.Effects.OfType<LoadDataset>());
        Assert.Equal(Choice with { RelevanceThreshold = 0.8 }, load.Dataset);
        var reloaded = RoomReducer.Apply(step.View, new DatasetReady(RoomRules.SystemMember, Workspace(0.8), load.Dataset), T0.AddSeconds(2)).View;
        Assert.Equal(0.8, reloaded.State.Dataset.RelevanceThreshold);
        var split = reloaded.Workspace!.Split;
        var rareTraining = split.Split.TrainRows.Count(r => split.Data.Labels[r] == 1);
        var before = room.Workspace!.Split;
        Assert.Equal(split.Split.TrainRows.Count(r => split.Data.Regression!.Values[r] >= RareFrom(0.8)), rareTraining);
        Assert.True(rareTraining < before.Split.TrainRows.Count(r => before.Data.Labels[r] == 1));
        Assert.Equal(before.Split.TestRows, split.Split.TestRows);
        // The rare-values slider's group is the rare values, now fewer of them.
        Assert.Equal(new ClassGroup(1), reloaded.State.Slider("class").Group);
        Assert.NotEqual(RoomReducer.BaselineRunId(room.State), RoomReducer.BaselineRunId(reloaded.State));
    }

    [Fact]
    public void SetRelevanceThreshold_BackToTheDefault_StoredAsNone_SameKeysAsBefore()
    {
        var room = Loaded(Choice with { RelevanceThreshold = 0.8 }, 0.8);

        var load = RoomReducer.Apply(room, new SetRelevanceThreshold("ana", 0.5), T0).Effects.OfType<LoadDataset>().Single();

        Assert.Null(load.Dataset.RelevanceThreshold);
        Assert.Equal(ResultCache.PreparationKey(Choice, [], false), ResultCache.PreparationKey(load.Dataset, [], false));
        Assert.NotEqual(ResultCache.PreparationKey(Choice, [], false), ResultCache.PreparationKey(Choice with { RelevanceThreshold = 0.8 }, [], false));
    }

    [Fact]
    public void SetRelevanceThreshold_OutOfRangeOrClassificationRoomOrGuestInClassroomMode_Refused()
    {
        var room = Loaded(Choice, null);
        var titanic = TrainingFixtures.Prepare("titanic", "survived");
        var classes = RoomReducer.Apply(RoomView.Opening("K7Q-2MX", new DatasetChoice("titanic"), null, T0),
            new DatasetReady(RoomRules.SystemMember, new DatasetWorkspace("Titanic", null, titanic, DatasetProfiler.Profile(titanic.Data.Data, titanic.Data), [], "LightGBM", []),
                new DatasetChoice("titanic")), T0).View;
        var classroom = RoomReducer.Apply(RoomReducer.Apply(room, new EnterRoom("ben", "Ben"), T0).View, new SetHostOnlyControls("ana", true), T0).View;

        Assert.StartsWith("The relevance threshold (how relevant", RoomReducer.Apply(room, new SetRelevanceThreshold("ana", 0.01), T0).Refusal);
        Assert.Equal("The relevance threshold says which values of a numeric target are rare; this room predicts classes.",
            RoomReducer.Apply(classes, new SetRelevanceThreshold(RoomRules.SystemMember, 0.8), T0).Refusal);
        Assert.StartsWith("This room is in classroom mode", RoomReducer.Apply(classroom, new SetRelevanceThreshold("ben", 0.8), T0).Refusal);
    }

    [Fact]
    public void StoredRoom_ThresholdComesBackWithTheRoomsSettings()
    {
        var room = Loaded(Choice with { RelevanceThreshold = 0.8 }, 0.8);

        // As storage keeps the room (its own JSON) and reads it back when the room reopens.
        var stored = Dashboard.Storage.StoredRoomState.Read(Dashboard.Storage.StorageJson.Write(room.State));

        Assert.Equal(0.8, stored.Dataset.RelevanceThreshold);
        Assert.Null(Dashboard.Storage.StoredRoomState.Read(Dashboard.Storage.StorageJson.Write(Loaded(Choice, null).State)).Dataset.RelevanceThreshold);
    }
}
