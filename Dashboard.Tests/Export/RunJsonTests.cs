using System.Text.Json;
using Dashboard.Core.Export;

namespace Dashboard.Tests.Export;

public class RunJsonTests
{
    [Fact]
    public void Write_TwoRuns_OneTypedObjectPerRunAndAlgorithm()
    {
        var runs = new[] { RunFixtures.Run("run1", RunFixtures.Start), RunFixtures.Run("run2", RunFixtures.Start.AddMinutes(1), leaky: true) };

        using var json = JsonDocument.Parse(RunJson.Write(runs));
        var rows = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal(RunTable.Columns.Select(c => c.Name), r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(runs[0].Results[1].Metrics!.F1, rows[1].GetProperty("f1").GetDouble());
        Assert.Equal(0.75, rows[1].GetProperty("f1").GetDouble(), 12);
        Assert.Equal(3, rows[1].GetProperty("tp").GetInt32());
        Assert.Equal(JsonValueKind.False, rows[0].GetProperty("leaky").ValueKind);
        Assert.Equal(JsonValueKind.True, rows[4].GetProperty("leaky").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("f1").ValueKind);
        Assert.Equal("The model could not converge.", rows[3].GetProperty("error").GetString());
    }

    [Fact]
    public void Write_TextIsNotNeutralized_JsonKeepsItExact()
    {
        var run = RunFixtures.Run("run1", RunFixtures.Start, reason: "=1+2");

        using var json = JsonDocument.Parse(RunJson.Write([run]));

        Assert.Equal("=1+2", json.RootElement[0].GetProperty("reason").GetString());
    }
}
