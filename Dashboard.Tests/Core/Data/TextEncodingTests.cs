using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Tests.Core.Data;

/// <summary>Files saved by Excel on Windows (Windows-1252) and UTF-16 files load with the right characters and say what was read.</summary>
public class TextEncodingTests
{
    private static readonly string[] Names = ["José Müller", "Françoise d’Arc", "Œdipe Šimon", "Ana"];

    [Theory]
    [InlineData("good/windows1252.csv", "Windows-1252")]
    [InlineData("good/utf16le.csv", "UTF-16 (little-endian)")]
    [InlineData("good/utf16be.csv", "UTF-16 (big-endian)")]
    public void ReadFile_NotUtf8_DecodesAccentsAndSaysWhichEncoding(string file, string encoding)
    {
        var data = TestData.Load(file);

        var names = data.Column("name");
        Assert.Equal(Names, Enumerable.Range(0, data.RowCount).Select(names.FormatValue));
        Assert.Equal("Besançon", data.Column("city").FormatValue(1));
        Assert.Equal("€12", data.Column("price").FormatValue(0));
        Assert.Contains(data.Warnings, w => w.Contains(encoding, StringComparison.Ordinal) && w.Contains(Path.GetFileName(file), StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Utf8WithAndWithoutBom_NoNotice()
    {
        var text = "name,target\nJosé,yes\nAna,no\n";
        var plain = CsvDatasetReader.Read(Encoding.UTF8.GetBytes(text), "a.csv", DataLimits.Default);
        var withBom = CsvDatasetReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "b.csv", DataLimits.Default);

        Assert.Equal("José", plain.Column("name").FormatValue(0));
        Assert.Equal("José", withBom.Column("name").FormatValue(0));
        Assert.Equal(["name", "target"], withBom.Columns.Select(c => c.Name));
        Assert.Empty(plain.Warnings);
        Assert.Empty(withBom.Warnings);
    }

    [Fact]
    public void Read_Windows1252PunctuationBytes_MapToTheirCharacters()
    {
        // 0x80 €, 0x92 ’, 0x96 –, 0x9C œ: where Windows-1252 differs from Latin-1.
        byte[] content = [.. "a,target\n"u8, 0x80, 0x92, 0x96, 0x9C, .. ",x\nb,y\n"u8];

        var data = CsvDatasetReader.Read(content, "w.csv", DataLimits.Default);

        Assert.Equal("€’–œ", data.Column("a").FormatValue(0));
    }
}
