using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

public class CsvDatasetReaderTests
{
    [Fact]
    public void ReadFile_SemicolonDelimited_DetectsDelimiterAndKeepsQuotedSemicolon()
    {
        var data = TestData.Load("good/semicolon.csv");

        Assert.Equal(["name", "score", "grade", "passed"], data.Columns.Select(c => c.Name));
        var name = Assert.IsType<CategoricalColumn>(data.Column("name"));
        Assert.Equal("Smith; John", name.FormatValue(0));
        Assert.Equal("Doe, Jane", name.FormatValue(1));
        var score = Assert.IsType<NumericColumn>(data.Column("score"));
        Assert.Equal(1.5, score[0]);
        Assert.Equal(2.0, score[1]);
    }

    [Fact]
    public void ReadFile_TabDelimitedWithMissingTokens_NumericWithMissingMarked()
    {
        var data = TestData.Load("good/tab.csv");

        var value = Assert.IsType<NumericColumn>(data.Column("value"));
        Assert.Equal(2.5, value[0]);
        Assert.True(value.IsMissing(1));
        Assert.Equal(-1000.0, value[2]);
        Assert.True(value.IsMissing(3));
        Assert.Equal(2, value.MissingCount);
        Assert.Equal(ColumnKind.Categorical, data.Column("label").Kind);
    }

    [Fact]
    public void ReadFile_BomAndRfc4180Quoting_ReadsEscapedQuotesLineBreaksAndCommas()
    {
        var data = TestData.Load("good/bom_quotes.csv");

        Assert.Equal("col1", data.Columns[0].Name);
        var col2 = data.Column("col2");
        Assert.Equal("say \"hi\"", col2.FormatValue(0));
        Assert.Equal("line one\nline two", col2.FormatValue(1));
        Assert.Equal("x,y", col2.FormatValue(2));
        Assert.Equal(4, data.RowCount);
    }

    [Fact]
    public void ReadFile_NumbersThenText_ColumnIsCategoricalWithOriginalSpelling()
    {
        var data = TestData.Load("good/mixed_column.csv");

        var code = Assert.IsType<CategoricalColumn>(data.Column("code"));
        Assert.Equal(["007", "008", "abc", "010"], code.Categories);
        var amount = Assert.IsType<NumericColumn>(data.Column("amount"));
        Assert.Equal(1.5, amount[0]);
        Assert.True(amount.IsMissing(3));
    }

    [Fact]
    public void ReadFile_BlankLine_IsSkipped()
    {
        var data = TestData.Load("good/blank_line.csv");

        Assert.Equal(2, data.RowCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("NAN")]
    [InlineData("Null")]
    [InlineData("?")]
    public void IsMissingToken_MissingSpellings_True(string text)
    {
        Assert.True(CsvDatasetReader.IsMissingToken(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("none")]
    [InlineData("NAB")]
    public void IsMissingToken_RealValues_False(string text)
    {
        Assert.False(CsvDatasetReader.IsMissingToken(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Read_InvariantCultureNumbers_CommaDecimalIsText()
    {
        var bytes = Encoding.UTF8.GetBytes("a;b\n1,5;x\n2,5;y\n");

        var data = CsvDatasetReader.Read(bytes, "euro.csv", DataLimits.Default);

        Assert.Equal(ColumnKind.Categorical, data.Column("a").Kind);
    }

    [Fact]
    public void Read_NameLikeColumn_FlaggedAsIdentifier()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"person {i},{i % 3},{(i % 2 == 0 ? "a" : "b")}"));
        var data = CsvDatasetReader.Read(Encoding.UTF8.GetBytes("name,group,label\n" + rows), "people.csv", DataLimits.Default);

        Assert.True(data.Column("name").LooksLikeIdentifier);
        Assert.False(data.Column("group").LooksLikeIdentifier);
        Assert.False(data.Column("label").LooksLikeIdentifier);
    }

    [Fact]
    public void WithColumnKind_NumericToCategoricalAndBack_RoundTrips()
    {
        var data = TestData.Load("good/tab.csv");

        var asText = data.WithColumnKind("id", ColumnKind.Categorical);
        var back = asText.WithColumnKind("id", ColumnKind.Numeric);

        Assert.Equal(["1", "2", "3", "4"], Assert.IsType<CategoricalColumn>(asText.Column("id")).Categories);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], Assert.IsType<NumericColumn>(back.Column("id")).Values.ToArray());
    }

    [Fact]
    public void WithColumnKind_TextToNumeric_NamesTheBadValue()
    {
        var data = TestData.Load("good/tab.csv");

        var error = Assert.Throws<DatasetException>(() => data.WithColumnKind("label", ColumnKind.Numeric));

        Assert.Equal(DataProblem.NotNumeric, error.Problem);
        Assert.Contains("'pos'", error.Message);
        Assert.Contains("label", error.Message);
    }
}
