using System.Text.Json;
using Dashboard.Core.Training;
using Dashboard.Hubs;

namespace Dashboard.Tests.Hubs;

/// <summary>What a SignalR client sends becomes a command's arguments, or a sentence saying what is wrong (never framework text).</summary>
public class HubArgumentsTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string Refusal(Action read) => Assert.Throws<ArgumentException>(read).Message;

    [Fact]
    public void ClassWeight_ValidShapes_Read()
    {
        Assert.Equal(ClassWeighting.None, HubArguments.ClassWeight(null));
        Assert.Equal(ClassWeighting.None, HubArguments.ClassWeight(Json("null")));
        Assert.Equal(new ClassWeighting(ClassWeightMode.Balanced), HubArguments.ClassWeight(Json("""{"mode": "balanced"}""")));
        Assert.Equal(new ClassWeighting(ClassWeightMode.Custom, 5), HubArguments.ClassWeight(Json("""{"mode": "Custom", "positiveWeight": 5}""")));
    }

    [Theory]
    [InlineData("""{"mode": "Bogus"}""", "The class weight's mode must be one of None, Balanced, Custom, FromCosts; \"Bogus\" was given.")]
    [InlineData("""{"mode": 7}""", "The class weight's mode must be one of None, Balanced, Custom, FromCosts; 7 was given.")]
    [InlineData("""{"mode": "1"}""", "The class weight's mode must be one of None, Balanced, Custom, FromCosts; \"1\" was given.")]
    [InlineData("""{"mode": "Custom", "positiveWeight": "heavy"}""", "The class weight's positiveWeight must be a number; \"heavy\" was given.")]
    [InlineData("\"Balanced\"", "The class weight must be an object like {\"mode\": \"Balanced\"} or {\"mode\": \"Custom\", \"positiveWeight\": 5}.")]
    public void ClassWeight_Malformed_Sentence(string json, string expected) =>
        Assert.Equal(expected, Refusal(() => HubArguments.ClassWeight(Json(json))));

    [Fact]
    public void Hyperparameters_NullMeansDefaults_NumbersRead_OthersRefused()
    {
        Assert.Same(HyperparameterValues.Defaults, HubArguments.Hyperparameters(null));
        Assert.Equal(15, HubArguments.Hyperparameters(Json("""{"leaves": 15}""")).Values["leaves"]);
        Assert.Equal("The hyperparameter 'leaves' must be a number; \"many\" was given.",
            Refusal(() => HubArguments.Hyperparameters(Json("""{"leaves": "many"}"""))));
        Assert.Equal("Hyperparameters must be an object of names and numbers, like {\"leaves\": 15}.",
            Refusal(() => HubArguments.Hyperparameters(Json("[1, 2]"))));
    }

    [Fact]
    public void Dataset_ValidChoice_ReadWithDefaults()
    {
        var choice = HubArguments.Dataset(Json("""{"source": "lending_club", "target": null, "excludedColumns": ["a"], "kindOverrides": {"b": "Categorical"}}"""));

        Assert.Equal("lending_club", choice.Source);
        Assert.Null(choice.Target);
        Assert.Equal(["a"], choice.ExcludedColumns!);
        Assert.Equal(42, choice.SplitSeed);
        Assert.Equal(0.25, choice.TestShare);
        Assert.Equal(Dashboard.Core.Data.ColumnKind.Categorical, choice.KindOverrides!["b"]);
        Assert.Null(choice.Task); // chosen from the target
    }

    [Fact]
    public void Dataset_TaskGiven_ReadAnyCase() =>
        Assert.Equal(Dashboard.Core.Data.TargetTask.Regression,
            HubArguments.Dataset(Json("""{"source": "ames_housing", "target": "Sale_Price", "task": "regression"}""")).Task);

    [Theory]
    [InlineData("null", "Say which data set to use, like {\"source\": \"lending_club\"}")]
    [InlineData("""{"target": "x"}""", "The data set needs a source")]
    [InlineData("""{"source": "/etc/os-release"}""", "'/etc/os-release' is not one of this server's data sets")]
    [InlineData("""{"source": "titanic", "testShare": 2}""", "testShare (the share of rows held out for testing) must be between 0.05 and 0.95; 2 was given.")]
    [InlineData("""{"source": "titanic", "splitSeed": 1.5}""", "splitSeed must be a whole number; 1.5 was given.")]
    [InlineData("""{"source": "titanic", "target": 3}""", "target must be text; 3 was given.")]
    [InlineData("""{"source": "titanic", "excludedColumns": "name"}""", "excludedColumns must be a list of column names")]
    [InlineData("""{"source": "titanic", "kindOverrides": {"age": "Text"}}""", "The kind of column 'age' must be Numeric or Categorical; \"Text\" was given.")]
    [InlineData("""{"source": "titanic", "task": "ranking"}""", "The task must be one of Classification, Regression; ranking was given.")]
    public void Dataset_Malformed_Sentence(string json, string expected) =>
        Assert.Contains(expected, Refusal(() => HubArguments.Dataset(Json(json))));

    [Fact]
    public void Required_MissingText_SaysWhat() =>
        Assert.Equal("Give the slider's id; it was missing.", Refusal(() => HubArguments.Required(" ", "the slider's id")));
}
