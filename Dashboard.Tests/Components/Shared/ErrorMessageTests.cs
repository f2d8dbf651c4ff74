using Bunit;
using Dashboard.Components.Shared;
using Dashboard.Core.Data;
using MudBlazor;

namespace Dashboard.Tests.Components.Shared;

public class ErrorMessageTests : ComponentTest
{
    [Fact]
    public void Render_DatasetException_ItsMessageInAnErrorAlert()
    {
        var problem = new DatasetException(DataProblem.RaggedRow, "bad.csv, line 12: expected 9 values but found 7.", "bad.csv", 12);

        var cut = Context.Render<ErrorMessage>(p => p.Add(e => e.Exception, problem).Add(e => e.Title, "The file could not be read"));

        var alert = cut.FindComponent<MudAlert>();
        Assert.Equal(Severity.Error, alert.Instance.Severity);
        Assert.Equal("bad.csv, line 12: expected 9 values but found 7.", cut.Find(".error-message-text").TextContent);
        Assert.Contains("The file could not be read", alert.Markup);
        Assert.DoesNotContain(nameof(DatasetException), cut.Markup);
    }

    [Fact]
    public void Render_ThrownException_NoStackTrace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("The model could not be trained.");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var cut = Context.Render<ErrorMessage>(p => p.Add(e => e.Exception, thrown));

        Assert.Equal("The model could not be trained.", cut.Find(".error-message-text").TextContent);
        Assert.DoesNotContain(" at ", cut.Markup);
    }

    [Fact]
    public void Render_MessageCarryingAStackTrace_CutBeforeTheFirstFrame()
    {
        const string message = "Training failed: out of memory.\n   at Dashboard.Core.Training.MullerLoop.TrainOne(FeaturizedSplit split)\n   at System.Threading.Tasks.Task.Run()";

        var cut = Context.Render<ErrorMessage>(p => p.Add(e => e.Message, message));

        Assert.Equal("Training failed: out of memory.", cut.Find(".error-message-text").TextContent);
    }

    [Fact]
    public void Render_MarkupInMessage_ShownAsText()
    {
        var cut = Context.Render<ErrorMessage>(p => p.Add(e => e.Message, "Column '<script>alert(1)</script>' is empty."));

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>", cut.Find(".error-message-text").TextContent);
    }

    [Fact]
    public void Render_Nothing_RendersNothing()
    {
        var cut = Context.Render<ErrorMessage>();

        Assert.Empty(cut.Markup.Trim());
    }

    [Theory]
    [InlineData("", UserMessage.Fallback)]
    [InlineData("   at Foo.Bar()", UserMessage.Fallback)]
    [InlineData("Two lines\nof message", "Two lines\nof message")]
    public void From_Strings_MessageOrFallback(string message, string expected) => Assert.Equal(expected, UserMessage.From(message));

    [Fact]
    public void From_ArgumentException_WithoutTheParameterSuffix() =>
        Assert.Equal("Learning rate must be between 0.001 and 1; 5 was given.",
            UserMessage.From(new ArgumentOutOfRangeException("learningRate", 5.0, "Learning rate must be between 0.001 and 1; 5 was given.")));

    [Fact]
    public void From_AggregateOfOne_TheInnerMessage() =>
        Assert.Equal("inner", UserMessage.From(new AggregateException(new ArgumentException("inner"))));
}
