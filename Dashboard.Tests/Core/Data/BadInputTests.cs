using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

/// <summary>Every bad input gets a typed error whose message names the file, line, column or value, and what to do.</summary>
public class BadInputTests
{
    private static DatasetException LoadFails(string file, DataLimits? limits = null) =>
        Assert.Throws<DatasetException>(() => TestData.Load("bad/" + file, limits));

    [Fact]
    public void Load_EmptyFile_SaysEmpty()
    {
        var error = LoadFails("empty.csv");
        Assert.Equal(DataProblem.EmptyFile, error.Problem);
        Assert.Contains("'empty.csv' is empty", error.Message);
    }

    [Fact]
    public void Load_HeaderOnly_SaysNoDataRows()
    {
        var error = LoadFails("header_only.csv");
        Assert.Equal(DataProblem.HeaderOnly, error.Problem);
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void Load_DuplicateColumnName_NamesTheColumn()
    {
        var error = LoadFails("duplicate_column.csv");
        Assert.Equal(DataProblem.DuplicateColumnName, error.Problem);
        Assert.Equal("a", error.ColumnName);
        Assert.Contains("'a' appears more than once", error.Message);
    }

    [Fact]
    public void Load_EmptyColumnName_NamesThePosition()
    {
        var error = LoadFails("empty_column_name.csv");
        Assert.Equal(DataProblem.EmptyColumnName, error.Problem);
        Assert.Contains("column 2 has no name", error.Message);
    }

    [Fact]
    public void Load_RaggedRow_NamesLineAndCounts()
    {
        var error = LoadFails("ragged_row.csv");
        Assert.Equal(DataProblem.RaggedRow, error.Problem);
        Assert.Equal(3, error.Line);
        Assert.Contains("line 3: this row has 2 values but the header has 3 columns", error.Message);
    }

    [Fact]
    public void Load_UnterminatedQuote_NamesLine()
    {
        var error = LoadFails("unterminated_quote.csv");
        Assert.Equal(DataProblem.UnterminatedQuote, error.Problem);
        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Load_BinaryFile_SaysNotText()
    {
        var error = LoadFails("binary.png.csv");
        Assert.Equal(DataProblem.NotText, error.Problem);
        Assert.Contains("not a text file", error.Message);
    }

    [Fact]
    public void Load_FileOverSizeLimit_SaysLimit()
    {
        var error = LoadFails("ragged_row.csv", new DataLimits { MaxFileBytes = 10 });
        Assert.Equal(DataProblem.FileTooLarge, error.Problem);
        Assert.Contains("over the limit of 10 bytes", error.Message);
    }

    [Fact]
    public void Read_TooManyColumns_SaysLimit()
    {
        var error = Assert.Throws<DatasetException>(() =>
            CsvDatasetReader.Read(Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n"), "wide.csv", new DataLimits { MaxColumns = 2 }));
        Assert.Equal(DataProblem.TooManyColumns, error.Problem);
        Assert.Contains("3 columns, over the limit of 2", error.Message);
    }

    [Fact]
    public void Read_TooManyRows_SaysLimit()
    {
        var error = Assert.Throws<DatasetException>(() =>
            CsvDatasetReader.Read(Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n5,6\n"), "long.csv", new DataLimits { MaxRows = 2 }));
        Assert.Equal(DataProblem.TooManyRows, error.Problem);
        Assert.Contains("more than 2 data rows", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhatToUse()
    {
        var error = Assert.Throws<DatasetException>(() => BundledDatasets.LoadNameOrPath("/no/such/file.csv", DataLimits.Default));
        Assert.Equal(DataProblem.FileNotFound, error.Problem);
        Assert.Contains("titanic", error.Message);
    }

    [Fact]
    public void Create_TargetNotAColumn_ListsColumns()
    {
        var data = TestData.Load("bad/constant_target.csv");
        var error = Assert.Throws<DatasetException>(() => LabeledDataset.Create(data, new TargetChoice("outcome")));
        Assert.Equal(DataProblem.TargetMissing, error.Problem);
        Assert.Contains("'outcome' is not a column", error.Message);
        Assert.Contains("a, b, target", error.Message);
    }

    [Fact]
    public void Create_ConstantTarget_SaysOneClass()
    {
        var data = TestData.Load("bad/constant_target.csv");
        var error = Assert.Throws<DatasetException>(() => LabeledDataset.Create(data, new TargetChoice("target")));
        Assert.Equal(DataProblem.TargetConstant, error.Problem);
        Assert.Contains("only one class ('x')", error.Message);
    }

    [Fact]
    public void Create_ClassWithOneRow_SaysAtLeastTwo()
    {
        var data = TestData.Load("bad/one_row_class.csv");
        var error = Assert.Throws<DatasetException>(() => LabeledDataset.Create(data, new TargetChoice("target")));
        Assert.Equal(DataProblem.TargetClassTooSmall, error.Problem);
        Assert.Equal("y", error.Value);
        Assert.Contains("has only 1 row", error.Message);
    }

    [Fact]
    public void Create_UnknownPositiveClass_ListsClasses()
    {
        var data = TestData.Load("bad/missing_target.csv");
        var error = Assert.Throws<DatasetException>(() => LabeledDataset.Create(data, new TargetChoice("target", "maybe")));
        Assert.Equal(DataProblem.UnknownClass, error.Problem);
        Assert.Contains("Its classes are: x, y", error.Message);
    }

    [Fact]
    public void Create_MissingTargetValues_RowsDroppedAndCounted()
    {
        var data = TestData.Load("bad/missing_target.csv");

        var labeled = LabeledDataset.Create(data, new TargetChoice("target"));

        Assert.Equal(4, labeled.RowCount);
        Assert.Contains(labeled.Warnings, w => w.Contains("1 row(s) were left out because their target 'target' is missing"));
    }

    [Fact]
    public void Load_ColumnEntirelyMissing_DroppedWithWarning()
    {
        var data = TestData.Load("bad/all_missing_column.csv");

        Assert.False(data.HasColumn("empty"));
        Assert.Contains(data.Warnings, w => w.Contains("'empty' was dropped"));
    }
}
