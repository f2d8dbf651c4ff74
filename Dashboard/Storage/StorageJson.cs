using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Storage;

/// <summary>
/// The JSON the database keeps settings in: camelCase, enums by name (stable when an enum gains a
/// member), and open numeric ranges as "Infinity" (a top-quartile slider is [lo, +∞)). Own options,
/// not the hub's, so a change to the live API never changes what is on disk.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} was null.");
}
