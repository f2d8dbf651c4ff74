using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class TargetProposalTests
{
    private static Dataset Csv(string text) => CsvDatasetReader.Read(Encoding.UTF8.GetBytes(text), "upload.csv", DataLimits.Default);

    /// <summary>30 rows of the given columns, each column's value picked from its list by row number.</summary>
    private static Dataset Rows(params (string Name, string[] Values)[] columns)
    {
        var lines = Enumerable.Range(0, 30).Select(r => string.Join(",", columns.Select(c => c.Values[r % c.Values.Length])));
        return Csv(string.Join(",", columns.Select(c => c.Name)) + "\n" + string.Join("\n", lines));
    }

    [Fact]
    public void Titanic_Survived_TheLastTwoValuedColumn_NotTicketClass()
    {
        var titanic = BundledDatasets.Load(BundledDatasets.Find("titanic")!, DataLimits.Default);

        var proposal = TargetProposal.Propose(titanic);

        // "class" is named like a target but has four values; gender and survived have two, and survived comes last.
        Assert.Equal("survived", proposal.Column);
        Assert.Equal("it has two values (no, yes), a yes/no outcome; of the 2 two-valued columns it is the last, where files tend to put the outcome.", proposal.Reason);
    }

    [Fact]
    public void BinaryColumnNamedLabel_ChosenOverALaterBinaryColumn()
    {
        var data = Rows(("Label", ["spam", "ham"]), ("age", ["1", "2", "3"]), ("member", ["y", "n"]), ("city", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]));

        var proposal = TargetProposal.Propose(data);

        Assert.Equal(("Label", "it is named like a target and has two values (spam, ham)."), (proposal.Column, proposal.Reason));
    }

    [Fact]
    public void NoTwoValuedColumn_ClassWithThreeValues()
    {
        var data = Rows(("x", ["1", "2", "3", "4"]), ("Outcome", ["low", "mid", "high"]), ("z", ["5", "6", "7", "8", "9"]));

        var proposal = TargetProposal.Propose(data);

        Assert.Equal("Outcome", proposal.Column);
        Assert.Equal("it is named like a target and has 3 classes (low, mid, high); each card compares one against the rest.", proposal.Reason);
    }

    [Fact]
    public void TwelveClassLastColumn_NotProposed_TheEarlierBinaryOneIs()
    {
        var months = Enumerable.Range(1, 12).Select(m => $"m{m}").ToArray();
        var data = Rows(("churned", ["no", "no", "yes"]), ("spend", ["10", "20", "30", "40"]), ("month", months));

        Assert.Equal("churned", TargetProposal.Propose(data).Column);
    }

    [Fact]
    public void OnlyNumbersAndIds_TheLastColumnWithAWarningToCheck()
    {
        var data = Csv("id,amount\n" + string.Join("\n", Enumerable.Range(0, 30).Select(r => $"r{r},{r * 1.5}")));

        var proposal = TargetProposal.Propose(data);

        Assert.Equal(("amount", "no column has two values or a few classes, so it is the last column; check it is what you want to predict."), (proposal.Column, proposal.Reason));
    }
}
