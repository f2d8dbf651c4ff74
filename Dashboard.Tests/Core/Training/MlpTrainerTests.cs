using Dashboard.Core.Training;
using Dashboard.Core.Training.Mlp;

namespace Dashboard.Tests.Core.Training;

public class MlpTrainerTests
{
    private const int Seed = 7;

    [Fact]
    public void Fit_Xor_ClassifiesAllFourPoints()
    {
        // Arrange: no straight line separates XOR, so this needs the hidden layer.
        var (features, labels) = SyntheticData.Xor(repeats: 25);
        var trainer = new MlpTrainer(new MlpOptions { HiddenUnits = 8, LearningRate = 0.03, BatchSize = 16, MaxEpochs = 300, EarlyStopping = false });

        // Act
        var model = trainer.Fit(features, labels, Seed);
        var probabilities = model.PredictProbabilities(SyntheticData.Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]));

        // Assert
        Assert.True(probabilities[0] < 0.1f, $"p(0,0) = {probabilities[0]}");
        Assert.True(probabilities[1] > 0.9f, $"p(0,1) = {probabilities[1]}");
        Assert.True(probabilities[2] > 0.9f, $"p(1,0) = {probabilities[2]}");
        Assert.True(probabilities[3] < 0.1f, $"p(1,1) = {probabilities[3]}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Fit_TwoMoons_ClassifiesHeldOutPointsWellAbove95Percent(int secondHiddenUnits)
    {
        // Arrange: a held-out set drawn with another seed from the same distribution.
        var (train, trainLabels) = SyntheticData.TwoMoons(rows: 400, noise: 0.15, seed: 1);
        var (test, testLabels) = SyntheticData.TwoMoons(rows: 400, noise: 0.15, seed: 2);
        var trainer = new MlpTrainer(new MlpOptions { HiddenUnits = 32, SecondHiddenUnits = secondHiddenUnits, LearningRate = 0.01, BatchSize = 32, MaxEpochs = 300, Patience = 20 });

        // Act
        var model = trainer.Fit(train, trainLabels, Seed);
        var accuracy = SyntheticData.Accuracy(model.PredictProbabilities(test), testLabels);

        // Assert
        Assert.True(accuracy >= 0.97, $"held-out accuracy {accuracy}");
    }

    [Fact]
    public void Fit_EpochsShorterThanThePass_ContinueThroughOneShuffledOrder()
    {
        // Three epochs of 1,000 rows walk the same 3,000-row shuffled order, batch by batch, as one full pass:
        // the weights must be identical, and so the epochs neither repeat rows nor reshuffle mid-pass.
        var (features, labels) = SyntheticData.TwoMoons(rows: 3000, noise: 0.15, seed: 1);
        var shortEpochs = new MlpOptions { HiddenUnits = 8, BatchSize = 100, MaxEpochs = 3, RowsPerEpoch = 1000, EarlyStopping = false };
        var onePass = shortEpochs with { MaxEpochs = 1, RowsPerEpoch = 3000 };

        var chunked = new MlpTrainer(shortEpochs).Fit(features, labels, Seed);
        var whole = new MlpTrainer(onePass).Fit(features, labels, Seed);

        Assert.Equal(3, chunked.History.Count);
        Assert.Equal(whole.PredictProbabilities(features), chunked.PredictProbabilities(features));
        // The per-epoch losses are means over 1,000 rows each, so together they average to the full pass's.
        Assert.Equal(whole.History[0].TrainLoss, chunked.History.Average(e => e.TrainLoss), 9);
    }

    [Fact]
    public void Fit_EpochsShorterThanThePass_StillLearnTwoMoons()
    {
        var (train, trainLabels) = SyntheticData.TwoMoons(rows: 4000, noise: 0.15, seed: 1);
        var (test, testLabels) = SyntheticData.TwoMoons(rows: 400, noise: 0.15, seed: 2);
        var trainer = new MlpTrainer(new MlpOptions { HiddenUnits = 32, LearningRate = 0.01, BatchSize = 32, MaxEpochs = 100, RowsPerEpoch = 1000, Patience = 10 });

        var model = trainer.Fit(train, trainLabels, Seed);

        Assert.True(SyntheticData.Accuracy(model.PredictProbabilities(test), testLabels) >= 0.97);
    }

    [Fact]
    public void Fit_TwoMoons_TrainingLossFallsToUnderAThirdOfTheFirstEpoch()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 400, noise: 0.15, seed: 1);
        var trainer = new MlpTrainer(new MlpOptions { HiddenUnits = 32, LearningRate = 0.01, BatchSize = 32, MaxEpochs = 100, EarlyStopping = false });

        // Act
        var history = trainer.Fit(features, labels, Seed).History;

        // Assert
        Assert.Equal(100, history.Count);
        Assert.Equal(Enumerable.Range(1, 100), history.Select(e => e.Epoch));
        Assert.All(history, e => Assert.Null(e.ValidationLoss));
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 3, $"first {history[0].TrainLoss}, last {history[^1].TrainLoss}");
    }

    [Fact]
    public void Fit_SameSeedTwice_BitIdenticalProbabilities()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 300, noise: 0.2, seed: 3);
        var trainer = new MlpTrainer(new MlpOptions { SecondHiddenUnits = 8, MaxEpochs = 20 });

        // Act
        var first = trainer.Fit(features, labels, Seed);
        var second = trainer.Fit(features, labels, Seed);

        // Assert: exact equality, float for float, and the same history.
        Assert.Equal(first.PredictProbabilities(features), second.PredictProbabilities(features));
        Assert.Equal(first.History, second.History);
    }

    [Fact]
    public void Fit_DifferentSeed_DifferentProbabilities()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 300, noise: 0.2, seed: 3);
        var trainer = new MlpTrainer(new MlpOptions { MaxEpochs = 20 });

        // Act
        var first = trainer.Fit(features, labels, Seed).PredictProbabilities(features);
        var second = trainer.Fit(features, labels, Seed + 1).PredictProbabilities(features);

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Fit_PositiveClassWeight_RaisesPredictedPositiveRateOnImbalancedData()
    {
        // Arrange: 10% positives whose blob overlaps the negatives', so an unweighted model under-predicts them.
        var (features, labels) = SyntheticData.Blobs(rows: 2000, positives: 200, columns: 4, separation: 0.75, seed: 4);
        var options = new MlpOptions { HiddenUnits = 16, MaxEpochs = 30 };

        // Act
        var plain = new MlpTrainer(options).Fit(features, labels, Seed).PredictProbabilities(features);
        var weighted = new MlpTrainer(options with { PositiveClassWeight = 9 }).Fit(features, labels, Seed).PredictProbabilities(features);

        // Assert: weight 9 balances the classes' total loss, so about half the rows or more look positive.
        var plainRate = SyntheticData.PredictedPositiveRate(plain);
        var weightedRate = SyntheticData.PredictedPositiveRate(weighted);
        Assert.True(plainRate < 0.1, $"unweighted positive rate {plainRate}");
        Assert.True(weightedRate > 0.25, $"weighted positive rate {weightedRate}");
    }

    [Fact]
    public void Fit_SampleWeightsAllOne_SameModelAsNoWeights()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 200, noise: 0.2, seed: 5);
        var trainer = new MlpTrainer(new MlpOptions { MaxEpochs = 10 });
        var ones = Enumerable.Repeat(1f, labels.Length).ToArray();

        // Act
        var unweighted = trainer.Fit(features, labels, Seed).PredictProbabilities(features);
        var weighted = trainer.Fit(features, labels, Seed, ones).PredictProbabilities(features);

        // Assert
        Assert.Equal(unweighted, weighted);
    }

    [Fact]
    public void Fit_ZeroSampleWeightOnPositives_AlmostNoPositivesPredicted()
    {
        // Arrange: positives that weigh nothing teach nothing, so the model drifts to "always negative".
        var (features, labels) = SyntheticData.Blobs(rows: 600, positives: 300, columns: 2, separation: 3, seed: 6);
        var weights = labels.Select(l => l == 1 ? 0f : 1f).ToArray();
        var trainer = new MlpTrainer(new MlpOptions { HiddenUnits = 8, LearningRate = 0.01, MaxEpochs = 50 });

        // Act
        var unweighted = trainer.Fit(features, labels, Seed).PredictProbabilities(features);
        var weighted = trainer.Fit(features, labels, Seed, weights).PredictProbabilities(features);

        // Assert
        Assert.InRange(SyntheticData.PredictedPositiveRate(unweighted), 0.45, 0.55);
        Assert.InRange(SyntheticData.PredictedPositiveRate(weighted), 0, 0.02);
    }

    [Fact]
    public void Fit_PreCancelledToken_ThrowsBeforeAnyEpoch()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 200, noise: 0.2, seed: 5);
        var progress = new RecordingProgress();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // Act / Assert
        Assert.Throws<OperationCanceledException>(
            () => new MlpTrainer(new MlpOptions()).Fit(features, labels, Seed, progress: progress, cancellationToken: cancellation.Token));
        Assert.Empty(progress.Epochs);
    }

    [Fact]
    public void Fit_CancelledDuringThirdEpoch_ThrowsAtTheNextMiniBatch()
    {
        // Arrange: cancel from the progress report of epoch 2; the first mini-batch of epoch 3 must notice.
        var (features, labels) = SyntheticData.TwoMoons(rows: 200, noise: 0.2, seed: 5);
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(e => { if (e.Epoch == 2) cancellation.Cancel(); });

        // Act / Assert
        Assert.Throws<OperationCanceledException>(
            () => new MlpTrainer(new MlpOptions { MaxEpochs = 50, EarlyStopping = false }).Fit(features, labels, Seed, progress: progress, cancellationToken: cancellation.Token));
        Assert.Equal([1, 2], progress.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void Fit_Progress_ReportsEveryEpochAsInHistory()
    {
        // Arrange
        var (features, labels) = SyntheticData.TwoMoons(rows: 200, noise: 0.2, seed: 5);
        var progress = new RecordingProgress();

        // Act
        var model = new MlpTrainer(new MlpOptions { MaxEpochs = 7 }).Fit(features, labels, Seed, progress: progress);

        // Assert
        Assert.Equal(model.History, progress.Epochs);
        Assert.All(progress.Epochs, e => Assert.NotNull(e.ValidationLoss));
    }

    [Fact]
    public void Fit_EasyProblem_StopsEarlyAndKeepsTheBestValidationEpochsWeights()
    {
        // Arrange: well separated blobs; the validation loss bottoms out long before 500 epochs.
        var (features, labels) = SyntheticData.Blobs(rows: 400, positives: 200, columns: 5, separation: 1.2, seed: 8);
        var options = new MlpOptions { HiddenUnits = 32, LearningRate = 0.01, MaxEpochs = 500, Patience = 4, MinDelta = 0 };

        // Act
        var model = new MlpTrainer(options).Fit(features, labels, Seed);

        // Assert: stopped exactly `Patience` epochs after the best one, which has the lowest validation loss ...
        var history = model.History;
        Assert.True(model.StoppedEarly);
        Assert.Equal(model.BestEpoch + options.Patience, history.Count);
        Assert.Equal(history.Min(e => e.ValidationLoss), history[model.BestEpoch - 1].ValidationLoss);
        // ... and holds that epoch's weights: a run cut off at the best epoch follows the same seeded path,
        // so its final weights are exactly those.
        var cutOff = new MlpTrainer(options with { MaxEpochs = model.BestEpoch }).Fit(features, labels, Seed);
        Assert.Equal(model.BestEpoch, cutOff.History.Count);
        Assert.Equal(cutOff.PredictProbabilities(features), model.PredictProbabilities(features));
    }

    [Fact]
    public void Fit_EarlyStoppingOff_KeepsTheLastEpochsWeights()
    {
        // Arrange
        var (features, labels) = SyntheticData.Blobs(rows: 400, positives: 200, columns: 5, separation: 1.2, seed: 8);

        // Act
        var model = new MlpTrainer(new MlpOptions { MaxEpochs = 12, EarlyStopping = false }).Fit(features, labels, Seed);

        // Assert
        Assert.False(model.StoppedEarly);
        Assert.Equal(12, model.BestEpoch);
    }

    [Fact]
    public void Fit_LabelCountDiffersFromRows_ThrowsNamingBothCounts()
    {
        // Arrange
        var features = new FeatureMatrix(3, 2, new float[6]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1], Seed));

        // Assert
        Assert.Equal("labels", error.ParamName);
        Assert.StartsWith("There are 2 labels for 3 feature rows; each row needs one label.", error.Message);
    }

    [Fact]
    public void Fit_NoFeatureColumns_ThrowsSayingSo()
    {
        // Arrange
        var features = new FeatureMatrix(3, 0);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1, 0], Seed));

        // Assert
        Assert.StartsWith("There are no feature columns to learn from.", error.Message);
    }

    [Fact]
    public void Fit_LabelNotZeroOrOne_ThrowsNamingTheRow()
    {
        // Arrange
        var features = new FeatureMatrix(3, 2, new float[6]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1, 2], Seed));

        // Assert
        Assert.StartsWith("The label of row 2 is 2; labels must be 1 (positive class) or 0.", error.Message);
    }

    [Fact]
    public void Fit_NaNFeature_ThrowsNamingRowAndColumn()
    {
        // Arrange
        var features = new FeatureMatrix(3, 2, [0, 0, 0, 0, 0, float.NaN]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1, 0], Seed));

        // Assert
        Assert.StartsWith("The feature in row 2, column 1 is NaN; the MLP needs finite numbers (impute missing values first).", error.Message);
    }

    [Fact]
    public void Fit_NegativeSampleWeight_ThrowsNamingTheRow()
    {
        // Arrange
        var features = new FeatureMatrix(3, 2, new float[6]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1, 0], Seed, [1f, -0.5f, 1f]));

        // Assert
        Assert.StartsWith("The sample weight of row 1 is -0.5; weights must be finite and at least 0.", error.Message);
    }

    [Fact]
    public void Fit_TooFewRowsForAValidationSlice_ThrowsSayingWhatToDo()
    {
        // Arrange: one row per class leaves nothing to validate on.
        var features = new FeatureMatrix(2, 1, [0, 1]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => new MlpTrainer(new MlpOptions()).Fit(features, [0, 1], Seed));

        // Assert
        Assert.StartsWith("Early stopping needs a validation slice, but 2 row(s) leave none at ValidationFraction 0.1. Give more rows or turn EarlyStopping off.", error.Message);
    }

    [Fact]
    public void PredictProbabilities_WrongColumnCount_ThrowsNamingBothCounts()
    {
        // Arrange
        var (features, labels) = SyntheticData.Xor(repeats: 5);
        var model = new MlpTrainer(new MlpOptions { MaxEpochs = 1, EarlyStopping = false }).Fit(features, labels, Seed);

        // Act
        var error = Assert.Throws<ArgumentException>(() => model.PredictProbabilities(new FeatureMatrix(1, 3, new float[3])));

        // Assert
        Assert.StartsWith("The model was trained on 2 feature columns; this matrix has 3.", error.Message);
    }

    [Fact]
    public void PredictProbabilities_ExtremeInputs_StayFiniteProbabilities()
    {
        // Arrange: inputs this large saturate the sigmoid; a naive exp would overflow to NaN.
        var (features, labels) = SyntheticData.Blobs(rows: 200, positives: 100, columns: 2, separation: 3, seed: 9);
        var model = new MlpTrainer(new MlpOptions { MaxEpochs = 5 }).Fit(features, labels, Seed);

        // Act
        var probabilities = model.PredictProbabilities(SyntheticData.Matrix([[1e6f, 1e6f], [-1e6f, -1e6f], [1e6f, -1e6f]]));

        // Assert
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, after the fact).</summary>
    private sealed class RecordingProgress(Action<MlpEpoch>? onReport = null) : IProgress<MlpEpoch>
    {
        public List<MlpEpoch> Epochs { get; } = [];

        public void Report(MlpEpoch value)
        {
            Epochs.Add(value);
            onReport?.Invoke(value);
        }
    }
}
