using Dashboard.Core.Data;
using Dashboard.Core.Rooms;

namespace Dashboard.Tests.Core.Rooms;

public class DatasetChoiceTests
{
    [Fact]
    public void ApplyOverrides_NumberColumnAsCategories_BecomesCategoricalWithItsValues()
    {
        var choice = new DatasetChoice("titanic", KindOverrides: new Dictionary<string, ColumnKind> { ["sibsp"] = ColumnKind.Categorical });

        var data = choice.ApplyOverrides(TestData.Bundled("titanic"));

        var sibsp = Assert.IsType<CategoricalColumn>(data.Column("sibsp"));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "8"], sibsp.Categories.Order());
        Assert.Equal(900, sibsp.MissingCount);
        Assert.Equal(ColumnKind.Numeric, data.Column("age").Kind);
    }
}
