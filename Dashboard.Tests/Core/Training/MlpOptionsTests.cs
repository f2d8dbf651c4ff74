using Dashboard.Core.Training.Mlp;

namespace Dashboard.Tests.Core.Training;

public class MlpOptionsTests
{
    [Fact]
    public void Validate_Defaults_DoesNotThrow()
    {
        // Arrange
        var options = new MlpOptions();

        // Act
        var error = Record.Exception(options.Validate);

        // Assert
        Assert.Null(error);
    }

    public static TheoryData<MlpOptions, string, string> BadOptions => new()
    {
        { new MlpOptions { HiddenUnits = 0 }, "HiddenUnits", "must be between 1 and 1024; 0 was given." },
        { new MlpOptions { SecondHiddenUnits = -1 }, "SecondHiddenUnits", "must be between 0 and 1024; -1 was given." },
        { new MlpOptions { LearningRate = -0.01 }, "LearningRate", "must be between 1E-05 and 1; -0.01 was given." },
        { new MlpOptions { LearningRate = double.NaN }, "LearningRate", "must be between 1E-05 and 1; NaN was given." },
        { new MlpOptions { BatchSize = 0 }, "BatchSize", "must be between 1 and 8192; 0 was given." },
        { new MlpOptions { MaxEpochs = 0 }, "MaxEpochs", "must be between 1 and 1000; 0 was given." },
        { new MlpOptions { L2 = 2 }, "L2", "must be between 0 and 1; 2 was given." },
        { new MlpOptions { PositiveClassWeight = 0 }, "PositiveClassWeight", "must be between 0.01 and 1000; 0 was given." },
        { new MlpOptions { ValidationFraction = 0.9 }, "ValidationFraction", "must be between 0.05 and 0.5; 0.9 was given." },
        { new MlpOptions { Patience = 0 }, "Patience", "must be between 1 and 100; 0 was given." },
        { new MlpOptions { MinDelta = -1 }, "MinDelta", "must be between 0 and 1; -1 was given." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void MlpTrainer_OptionOutOfRange_ThrowsNamingOptionAndRange(MlpOptions options, string option, string rangeMessage)
    {
        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MlpTrainer(options));

        // Assert
        Assert.Equal(option, error.ParamName);
        Assert.StartsWith($"The MLP option {option} {rangeMessage}", error.Message);
    }
}
