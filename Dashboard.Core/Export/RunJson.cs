using System.Text;
using System.Text.Json;

namespace Dashboard.Core.Export;

/// <summary>
/// Runs as JSON: an array with one object per run × algorithm, the same fields as the CSV
/// (<see cref="RunTable"/>), numbers as numbers, booleans as booleans, empty cells as null.
/// </summary>
public static class RunJson
{
    public static byte[] WriteBytes(IEnumerable<RecordedRun> runs)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in RunTable.Rows(runs))
            {
                json.WriteStartObject();
                foreach (var column in RunTable.Columns)
                {
                    json.WritePropertyName(column.Name);
                    WriteValue(json, column.Value(row));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    public static string Write(IEnumerable<RecordedRun> runs) => Encoding.UTF8.GetString(WriteBytes(runs));

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case double d:
                json.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)); // JSON has no NaN or infinity
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
