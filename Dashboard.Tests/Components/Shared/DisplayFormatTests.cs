using Dashboard.Components.Shared;

namespace Dashboard.Tests.Components.Shared;

public class DisplayFormatTests
{
    [Theory]
    [InlineData(0.0514, "+0.051")]
    [InlineData(-0.0126, "\u22120.013")]
    [InlineData(0.0004, "±0.000")]
    public void Delta_Signed_ThreeDecimals(double delta, string expected) => Assert.Equal(expected, DisplayFormat.Delta(delta));

    [Theory]
    [InlineData(1e-6, "1e-6")]
    [InlineData(0.003, "0.003")]
    [InlineData(1000, "1000")]
    [InlineData(0.7, "0.7")]
    public void Setting_AsAStudentWouldTypeIt(double value, string expected) => Assert.Equal(expected, DisplayFormat.Setting(value));

    [Theory]
    [InlineData(3101317, "3,101,317")]
    [InlineData(0.166667, "0.1667")]
    [InlineData(74, "74")]
    public void Compact_TableValues(double value, string expected) => Assert.Equal(expected, DisplayFormat.Compact(value));
}
