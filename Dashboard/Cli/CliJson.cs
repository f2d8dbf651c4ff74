using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Cli;

/// <summary>The JSON style of every verb's --json output: camelCase, enums as text, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Printed to a terminal or a file, never embedded in HTML: "class 'yes'" reads better than "class \u0027yes\u0027".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The --json switch of the verbs that print a table by default.</summary>
    public static Option<bool> CreateOption() => new("--json") { Description = "Print machine-readable JSON instead of a table." };
}
