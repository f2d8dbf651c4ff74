using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Hubs;

/// <summary>The JSON shape of hub messages (docs/hub.md): camelCase, enums as names, open numeric ranges as "Infinity".</summary>
public static class HubJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        // A top-quartile slider's range is [lo, +Infinity): JSON has no infinity, so it travels as the string "Infinity".
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
