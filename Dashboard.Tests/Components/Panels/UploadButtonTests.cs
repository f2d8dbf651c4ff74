using Bunit;
using Dashboard.Components.Panels;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Tests.Components.Panels;

/// <summary>
/// The Upload button is enabled only once Blazor's script listens to its file input: a file chosen before that was lost
/// without a word (the browser test's intermittent failure).
/// </summary>
public class UploadButtonTests : ComponentTest
{
    private const string InputFileInit = "Blazor._internal.InputFile.init";

    private readonly List<string> _chosen = [];

    private IRenderedComponent<UploadButton> Render(bool disabled = false) =>
        Context.Render<UploadButton>(p => p.Add(c => c.Accept, ".csv").Add(c => c.Disabled, disabled).Add(c => c.OnChosen, file => _chosen.Add(file.Name)));

    [Fact]
    public void BeforeTheInputIsWired_ButtonAndInputDisabled_EnabledOnceTheScriptCallReturns()
    {
        var init = Context.JSInterop.SetupVoid(InputFileInit, _ => true); // left pending: the browser has not answered yet

        var cut = Render();

        Assert.True(cut.Find("button.upload-button").HasAttribute("disabled"));
        Assert.True(cut.Find("input.upload-input").HasAttribute("disabled"));
        init.SetVoidResult();
        cut.WaitForAssertion(() => Assert.False(cut.Find("button.upload-button").HasAttribute("disabled")));
        Assert.False(cut.Find("input.upload-input").HasAttribute("disabled"));
        Assert.Equal(".csv", cut.Find("input.upload-input").GetAttribute("accept"));
    }

    [Fact]
    public void Wired_ButDisabled_StaysDisabled()
    {
        Context.JSInterop.SetupVoid(InputFileInit, _ => true).SetVoidResult();

        var cut = Render(disabled: true);

        Assert.True(cut.Find("button.upload-button").HasAttribute("disabled"));
        Assert.True(cut.Find("input.upload-input").HasAttribute("disabled"));
    }

    [Fact]
    public void FileChosen_RaisesOnChosenWithTheFile()
    {
        Context.JSInterop.SetupVoid(InputFileInit, _ => true).SetVoidResult();
        var cut = Render();

        cut.FindComponent<WiredInputFile>().UploadFiles(InputFileContent.CreateFromText("a,b\n1,2\n", "churn.csv"));

        Assert.Equal(["churn.csv"], _chosen);
    }

    [Fact]
    public void ButtonClick_ClicksTheHiddenInput()
    {
        Context.JSInterop.SetupVoid(InputFileInit, _ => true).SetVoidResult();
        var cut = Render();
        cut.WaitForAssertion(() => Assert.False(cut.Find("button.upload-button").HasAttribute("disabled")));

        cut.Find("button.upload-button").Click();

        var click = Assert.Single(Context.JSInterop.Invocations, i => i.Identifier == "dashboardUpload.openPicker");
        Assert.Equal(cut.FindComponent<WiredInputFile>().Instance.Element, click.Arguments.Single());
    }
}
