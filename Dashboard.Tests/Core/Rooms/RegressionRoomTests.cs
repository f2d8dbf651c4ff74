using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;
using Dashboard.Tests.Components;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Core.Rooms;

/// <summary>
/// A room on a numeric target (Ames house prices, issue 14): the same reducer, the same seats holding regressors, the
/// class slider moving the rare prices, results carrying R² through latest-wins, and the class-only commands refused.
/// </summary>
public class RegressionRoomTests
{
    private static readonly FeaturizedSplit Ames = TrainingFixtures.Prepare("ames_housing", "Sale_Price");
    private static readonly DatasetChoice Choice = new("ames_housing");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 17, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<PreparedRun> Neutral = new(() => RunPreparation.Prepare(Ames, [], 42));

    private static DatasetWorkspace Workspace() =>
        new("Ames", "credit", Ames, DatasetProfiler.Profile(Ames.Data.Data, Ames.Data), [], "LightGBM regression", []);

    private static RoomStep Apply(RoomView view, RoomInput input, int seconds = 0) => RoomReducer.Apply(view, input, T0.AddSeconds(seconds));

    private static RunPlan Started(RoomStep step) => step.Effects.OfType<StartRun>().Single().Plan;

    /// <summary>A room that was on classes (an added card, a weighted svm with a setting its regressor lacks) and then loaded Ames.</summary>
    private static RoomStep Loaded()
    {
        var seats = RoomDefaults.Algorithms()
            .Select(a => a.AlgorithmId == "svm" ? a with { ClassWeight = new ClassWeighting(ClassWeightMode.Balanced), Hyperparameters = new(new Dictionary<string, double> { ["calibrationFolds"] = 3 }) } : a)
            .Append(new AlgorithmSeat("fasttree", HyperparameterValues.Defaults, ClassWeighting.None))
            .ToArray();
        var view = RoomView.Opening("K7Q-2MX", Choice, restoring: null, T0) is var opening ? opening with { State = opening.State with { Algorithms = seats } } : null!;
        view = Apply(view, new EnterRoom("ana", "Ana", AsHost: true)).View;
        return Apply(view, new DatasetReady(RoomRules.SystemMember, Workspace(), Choice));
    }

    private static RoomView Finish(RoomView view, RunPlan plan, Func<string, AlgorithmResult> result)
    {
        view = Apply(view, new RunPrepared(plan.RunId, Neutral.Value.Summary, Neutral.Value.Resampled)).View;
        foreach (var id in plan.AlgorithmIds) view = Apply(view, new RunResult(plan.RunId, result(id), Neutral.Value.Summary)).View;
        return Apply(view, new RunEnded(plan.RunId, 1.0)).View;
    }

    [Fact]
    public void DatasetReady_NumericTarget_RegressionRoom_FourSeatsTrainRegressors_ClassOnlySettingsDropped()
    {
        var step = Loaded();

        Assert.Equal(TargetTask.Regression, step.View.Task);
        Assert.Equal(["lightgbm", "random-forest", "svm", "mlp"], Started(step).AlgorithmIds); // the added classifier card has no regressor
        Assert.All(step.View.State.Algorithms, seat => Assert.NotNull(seat.ToSettings(TargetTask.Regression).Algorithm.Regress));
        var svm = step.View.State.Seat("svm");
        Assert.Equal(ClassWeighting.None, svm.ClassWeight);
        Assert.Empty(svm.Hyperparameters.Values); // the classifier's setting is not the regressor's: back to the defaults
        Assert.Equal("Linear SVR", svm.ToSettings(TargetTask.Regression).Algorithm.DisplayName);
    }

    [Theory]
    [InlineData("threshold", "there is no decision threshold to set")]
    [InlineData("costs", "there are no false negatives or false positives to cost")]
    [InlineData("card", "the extra cards are classifiers")]
    [InlineData("weight", "class weights do not apply")]
    public void ClassOnlyCommand_RegressionRoom_RefusedWithASentence_RoomUnchanged(string what, string sentence)
    {
        var view = Loaded().View;
        RoomCommand command = what switch
        {
            "threshold" => new SetThreshold("ana", "svm", 0.3),
            "costs" => new SetCosts("ana", 5, 1),
            "card" => new AddAlgorithm("ana", "logistic"),
            _ => new SetAlgorithm("ana", "mlp", HyperparameterValues.Defaults, new ClassWeighting(ClassWeightMode.Balanced)),
        };

        var step = Apply(view, command);

        Assert.StartsWith($"'Sale_Price' is predicted as a number (regression): {sentence}", step.Refusal);
        Assert.Same(view, step.View);
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void SetAlgorithm_RegressorSetting_Accepted_RetrainsThatSeat()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded), id => TestResults.Regressed(id, TestResults.Prices));

        var step = Apply(view, new SetAlgorithm("ana", "svm", new HyperparameterValues(new Dictionary<string, double> { ["epsilon"] = 0.1 }), ClassWeighting.None));

        Assert.Null(step.Refusal);
        Assert.Equal(["svm"], Started(step).AlgorithmIds);
        Assert.Equal(0.1, step.View.State.Seat("svm").Hyperparameters.Values["epsilon"]);
    }

    [Fact]
    public void RunResult_Regression_LatestBaselineAndHistoryCarryR2_ALateResultOfASupersededRunIsDropped()
    {
        var loaded = Loaded();
        var baseline = Started(loaded);
        var perfect = TestResults.Regressed("svm", TestResults.Prices);
        var view = Finish(loaded.View, baseline, id => id == "svm" ? perfect : TestResults.Regressed(id, [120_000, 140_000, 200_000, 210_000, 280_000, 380_000]));

        Assert.Equal(1.0, view.Latest["svm"].Regression!.R2);
        Assert.Same(view.Latest["svm"].Regression, view.Baseline["svm"].Regression);
        var point = view.History.Single(p => p.AlgorithmId == "svm");
        Assert.Null(point.Metrics);
        Assert.Equal(1.0, point.Regression!.R2);
        Assert.Equal(2, point.Regression.Rare!.Count);

        var move = Apply(view, new MoveSlider("ana", "class", 1));
        var run = Started(move);
        Assert.Equal("moved rare values to 1", run.Reason);
        var late = Apply(move.View, new RunResult(baseline.RunId, TestResults.Regressed("mlp", TestResults.Prices), Neutral.Value.Summary));
        Assert.Empty(late.Effects);
        Assert.Same(view.Latest["mlp"], late.View.Latest["mlp"]);
        var fresh = Apply(move.View, new RunResult(run.RunId, TestResults.Regressed("mlp", TestResults.Prices), Neutral.Value.Summary));
        Assert.Equal(1.0, fresh.View.Latest["mlp"].Regression!.R2);
        Assert.Equal(2, fresh.View.History.Count(p => p.AlgorithmId == "mlp"));
    }

    [Fact]
    public void ConfigureSlider_TargetRange_TheClassSliderMovesThatRangeToAnyShare()
    {
        var loaded = Loaded();
        var view = Finish(loaded.View, Started(loaded), id => TestResults.Regressed(id, TestResults.Prices));

        var step = Apply(view, new ConfigureSlider("ana", "class", new TargetRangeGroup(400_000, double.PositiveInfinity), UndersamplingMethod.Random, OversamplingMethod.Smogn, 5));

        var slider = step.View.State.Slider("class");
        Assert.Null(step.Refusal);
        Assert.True(slider.IsClassSlider);
        Assert.False(slider.IsBalanceTrack);
        Assert.Equal(OversamplingMethod.Smogn, slider.Over);
        Assert.Equal("set the class balance slider to Sale_Price ≥ 400,000", Started(step).Reason);
        // 64 sales of 2,930 are at 400,000 or more: about 2 % of the training rows, the slider's neutral share.
        Assert.InRange(FocusGroupShare.Of(slider.Group, Ames.Data, Ames.Split.TrainRows), 0.015, 0.03);
        Assert.Null(Apply(step.View, new MoveSlider("ana", "class", 0.2)).Refusal);
    }

    [Fact]
    public void ConfigureSlider_TargetRangeOnAClassTarget_Refused()
    {
        var titanic = TrainingFixtures.Prepare("titanic", "survived");
        var workspace = new DatasetWorkspace("Titanic", null, titanic, DatasetProfiler.Profile(titanic.Data.Data, titanic.Data), [], "LightGBM", []);
        var view = Apply(RoomView.Opening("K7Q-2MX", new DatasetChoice("titanic"), null, T0), new DatasetReady(RoomRules.SystemMember, workspace, new DatasetChoice("titanic"))).View;

        var step = Apply(view, new ConfigureSlider(RoomRules.SystemMember, "class", new TargetRangeGroup(0, 1), UndersamplingMethod.Random, OversamplingMethod.Smote, 5));

        Assert.StartsWith("No training row is in survived in [0, 1)", step.Refusal);
    }

    [Fact]
    public void Reopened_StoredRegressionRoom_TargetRangeSliderAndTaskComeBackAsTheyWere()
    {
        var moved = Apply(Loaded().View, new ConfigureSlider("ana", "class", new TargetRangeGroup(400_000, double.PositiveInfinity), UndersamplingMethod.Random, OversamplingMethod.Smogn, 5));
        var ranged = Apply(moved.View, new MoveSlider("ana", "class", 0.1)).View;
        var choice = Choice with { Task = TargetTask.Regression };
        // As storage keeps the room (its own JSON) and reads it back when the room reopens.
        var stored = Dashboard.Storage.StoredRoomState.Read(Dashboard.Storage.StorageJson.Write(ranged.State with { Dataset = choice }));

        var reopened = Apply(RoomView.Opening("K7Q-2MX", choice, stored, T0), new DatasetReady(RoomRules.SystemMember, Workspace(), choice)).View;

        var slider = reopened.State.Slider("class");
        Assert.Equal(new TargetRangeGroup(400_000, double.PositiveInfinity), slider.Group);
        Assert.Equal(0.1, slider.TargetShare);
        Assert.Null(slider.Balance);
        Assert.Equal(TargetTask.Regression, reopened.State.Dataset.Task);
        Assert.Equal(TargetTask.Regression, reopened.Task);
    }

    [Fact]
    public void DatasetChoice_TaskLeftOut_SameJsonAndKeysAsBeforeRegression_TaskChosen_OtherKeys()
    {
        var auto = new DatasetChoice("ames_housing");
        var asNumber = auto with { Task = TargetTask.Regression };

        // A classification room's stored choice and its baseline id (a hash of the choice) are what they were.
        Assert.DoesNotContain("Task", JsonSerializer.Serialize(auto));
        Assert.Contains("\"Task\":1", JsonSerializer.Serialize(asNumber));
        Assert.NotEqual(ResultCache.PreparationKey(auto, [], false), ResultCache.PreparationKey(asNumber, [], false));
        Assert.Equal(TargetTask.Regression, asNumber.TargetChoice("Sale_Price").Task);
    }
}
