using Bunit;
using Dashboard.Components.Charts;
using Dashboard.Components.Data;
using Dashboard.Core.Data;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components.Data;

public class DataPanelTests : ComponentTest
{
    private static DatasetProfile TitanicProfile()
    {
        var data = TestData.Bundled("titanic");
        return DatasetProfiler.Profile(data, LabeledDataset.Create(data, new TargetChoice("survived")));
    }

    [Fact]
    public void ClassCountsBuild_Titanic_OneBarPerClassPositiveHighlighted()
    {
        var profile = TitanicProfile();

        var bar = (Bar)ClassCountsChart.Build(profile).Traces.Single();

        Assert.Equal(profile.ClassCounts.Select(c => (object)c.Label), bar.X);
        Assert.Equal(profile.ClassCounts.Select(c => (object)c.Count), bar.Y);
        var positive = profile.ClassCounts.ToList().FindIndex(c => c.IsPositive);
        Assert.Equal(ChartStyle.PositiveColor, bar.Marker.ColorArray[positive]);
        Assert.Equal(ChartStyle.NegativeColor, bar.Marker.ColorArray[1 - positive]);
        Assert.EndsWith("(32.2%)", bar.TextArray[positive]);
    }

    [Fact]
    public void MissingValuesNote_BlanksInFeatures_SaysHowModelsAndSmoteTreatThem_NoneNoNote()
    {
        var profile = TitanicProfile();
        var blanks = profile.Columns.Where(c => !c.IsTarget).Sum(c => c.MissingCount);
        var complete = profile.Columns.Select(c => c with { MissingCount = 0 }).ToArray();

        var note = Context.Render<MissingValuesNote>(p => p.Add(c => c.Columns, profile.Columns));
        var none = Context.Render<MissingValuesNote>(p => p.Add(c => c.Columns, complete));

        Assert.True(blanks > 0);
        Assert.StartsWith(blanks.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " blank values.", note.Find(".missing-values-note").TextContent.Trim());
        Assert.Contains("median of the training rows", note.Markup);
        Assert.Contains("SMOTE", note.Markup);
        Assert.Empty(none.FindAll(".missing-values-note"));
    }

    [Fact]
    public void ColumnTable_Titanic_OneRowPerColumnWithItsUse()
    {
        var profile = TitanicProfile();

        var cut = Context.Render<ColumnTable>(p => p.Add(c => c.Columns, profile.Columns));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(profile.Columns.Count, rows.Count);
        var target = rows.Single(r => r.Children[0].TextContent == "survived");
        Assert.Equal("target", target.Children[5].TextContent.Trim());
        Assert.Equal("feature", rows.Single(r => r.Children[0].TextContent == "age").Children[5].TextContent.Trim());
    }

    [Fact]
    public void ColumnTable_NameWithMarkup_RenderedAsText()
    {
        ColumnProfile column = new("<b>bold</b>", ColumnKind.Numeric, 1, 2, LooksLikeIdentifier: true, IsExcluded: true, IsTarget: false, 0, 1, 0.5);

        var cut = Context.Render<ColumnTable>(p => p.Add(c => c.Columns, [column]));

        Assert.Empty(cut.FindAll("tbody b"));
        Assert.Equal("<b>bold</b>", cut.Find("tbody td").TextContent);
        Assert.Equal("excluded (identifier-like)", cut.FindAll("tbody td")[5].TextContent.Trim());
    }
}
