using Bunit;
using Dashboard.Components.Panels;
using Dashboard.Core.Data;
using Dashboard.Core.Importance;
using Dashboard.Core.Rooms;
using Dashboard.Rooms;
using Dashboard.Tests.Core.Training;

namespace Dashboard.Tests.Components.Panels;

public class ImportancePanelTests : ComponentTest
{
    public ImportancePanelTests()
    {
        RenderPopoverProvider();
        Context.JSInterop.SetupModule("./_content/Plotly.Blazor/plotly-interop-7.2.0.js").Mode = JSRuntimeMode.Loose;
    }

    private static DatasetWorkspace Workspace(IReadOnlyList<ColumnGain> gains)
    {
        var split = TrainingFixtures.Prepare("titanic", "survived");
        ColumnImportance[] importance = [new("gender", 0.2, 0.01, [0.2]), new("age", 0.05, 0.01, [0.05])];
        return new DatasetWorkspace("Titanic", null, split, DatasetProfiler.Profile(split.Data.Data, split.Data), importance, "LightGBM", gains);
    }

    [Fact]
    public void Toggle_TreeGain_ShowsTheQuickRankingAndSaysWhatItIs()
    {
        var cut = Context.Render<ImportancePanel>(p => p
            .Add(c => c.Workspace, Workspace([new("country", 3, 0.6), new("gender", 2, 0.4)]))
            .Add(c => c.Sliders, RoomDefaults.Sliders(Workspace([]).Split, Workspace([]).Importance)));
        Assert.Contains("Drop in ROC AUC on the test rows", cut.Find(".ranking-caption").TextContent);

        cut.FindAll(".ranking-kind button").Single(b => b.TextContent.Contains("Tree gain")).Click();

        var caption = cut.Find(".ranking-caption").TextContent;
        Assert.Contains("Share of the split gain per column in the LightGBM baseline's trees", caption);
        Assert.Contains("measured on the training rows", caption);
    }

    [Fact]
    public void NoTreeGains_NoToggle()
    {
        var workspace = Workspace([]);

        var cut = Context.Render<ImportancePanel>(p => p.Add(c => c.Workspace, workspace).Add(c => c.Sliders, []));

        Assert.Empty(cut.FindAll(".ranking-kind"));
    }
}
