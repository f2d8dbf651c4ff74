using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Rooms;
using Dashboard.Core.Training;

namespace Dashboard.Hubs;

/// <summary>
/// Reads what a SignalR client sent into a command's arguments. Objects arrive as raw JSON so that a
/// missing or malformed one gets a sentence a student understands instead of the framework's
/// binding error; every problem is an <see cref="ArgumentException"/> whose message is that sentence.
/// </summary>
public static class HubArguments
{
    public static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw Refuse($"Give {what}; it was missing.") : value;

    /// <summary>A share or threshold: a finite number (the rules check its range).</summary>
    public static double Finite(double value, string what) =>
        double.IsFinite(value) ? value : throw Refuse($"{what} must be a number; {value.ToString(CultureInfo.InvariantCulture)} was given.");

    public static double? Finite(double? value, string what) => value is { } v ? Finite(v, what) : null;

    /// <summary>{"leaves": 15, "learningRate": 0.1}; null or absent means the defaults.</summary>
    public static HyperparameterValues Hyperparameters(JsonElement? element)
    {
        if (IsAbsent(element)) return HyperparameterValues.Defaults;
        if (element!.Value.ValueKind != JsonValueKind.Object)
        {
            throw Refuse("Hyperparameters must be an object of names and numbers, like {\"leaves\": 15}.");
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in element.Value.EnumerateObject())
        {
            values[property.Name] = Number(property.Value, $"The hyperparameter '{Shown(property.Name)}'");
        }
        return new HyperparameterValues(values);
    }

    /// <summary>{"mode": "Balanced"} or {"mode": "Custom", "positiveWeight": 5}; null or absent means none.</summary>
    public static ClassWeighting ClassWeight(JsonElement? element)
    {
        if (IsAbsent(element)) return ClassWeighting.None;
        if (element!.Value.ValueKind != JsonValueKind.Object)
        {
            throw Refuse("The class weight must be an object like {\"mode\": \"Balanced\"} or {\"mode\": \"Custom\", \"positiveWeight\": 5}.");
        }
        var modes = string.Join(", ", Enum.GetNames<ClassWeightMode>());
        var mode = ClassWeightMode.None;
        if (Property(element.Value, "mode") is { } modeValue)
        {
            var text = modeValue.ValueKind == JsonValueKind.String ? modeValue.GetString() : null;
            if (text is null || !Enum.TryParse(text, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(text, out _))
            {
                throw Refuse($"The class weight's mode must be one of {modes}; {Shown(modeValue)} was given.");
            }
        }
        var weight = Property(element.Value, "positiveWeight") is { } w ? Number(w, "The class weight's positiveWeight") : 1.0;
        return new ClassWeighting(mode, weight);
    }

    /// <summary>{"source": "lending_club", "target": null, ...}: the source must be a bundled name or an upload id.</summary>
    public static DatasetChoice Dataset(JsonElement? element)
    {
        const string Example = "{\"source\": \"lending_club\"} (a bundled data set's name, or the source id an upload returned)";
        if (IsAbsent(element) || element!.Value.ValueKind != JsonValueKind.Object) throw Refuse($"Say which data set to use, like {Example}.");
        var value = element.Value;
        var source = Text(value, "source") ?? throw Refuse($"The data set needs a source, like {Example}.");
        try
        {
            DatasetSource.Check(source);
        }
        catch (DatasetException exception)
        {
            throw Refuse(exception.Message);
        }
        var testShare = Property(value, "testShare") is { } share ? Number(share, "testShare") : 0.25;
        if (testShare is < 0.05 or > 0.95) throw Refuse($"testShare (the share of rows held out for testing) must be between 0.05 and 0.95; {Format(testShare)} was given.");
        var seed = Property(value, "splitSeed") is { } s ? Number(s, "splitSeed") : 42;
        if (seed != Math.Floor(seed) || seed is < int.MinValue or > int.MaxValue) throw Refuse($"splitSeed must be a whole number; {Format(seed)} was given.");
        var task = Text(value, "task") is { } taskName ? Method<TargetTask>(taskName, "task") : (TargetTask?)null;
        var relevance = Property(value, "relevanceThreshold") is { } r ? Number(r, "relevanceThreshold") : (double?)null;
        if (relevance is { } threshold && !(threshold is >= RelevanceFunction.MinThreshold and <= 1))
        {
            throw Refuse($"relevanceThreshold (how relevant a target value must be to count as rare) must be between {Format(RelevanceFunction.MinThreshold)} and 1; {Format(threshold)} was given.");
        }
        return new DatasetChoice(source, Text(value, "target"), Text(value, "positiveClass"), TextList(value, "excludedColumns"), (int)seed, testShare,
            KindOverrides(value)) { Task = task, RelevanceThreshold = relevance == RelevanceFunction.DefaultThreshold ? null : relevance };
    }

    private static IReadOnlyDictionary<string, ColumnKind>? KindOverrides(JsonElement value)
    {
        if (Property(value, "kindOverrides") is not { } overrides) return null;
        if (overrides.ValueKind != JsonValueKind.Object) throw Refuse("kindOverrides must be an object of column names and kinds, like {\"pclass\": \"Categorical\"}.");
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var property in overrides.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<ColumnKind>(property.Value.GetString(), ignoreCase: true, out var kind) ||
                !Enum.IsDefined(kind) || int.TryParse(property.Value.GetString(), out _))
            {
                throw Refuse($"The kind of column '{Shown(property.Name)}' must be Numeric or Categorical; {Shown(property.Value)} was given.");
            }
            kinds[property.Name] = kind;
        }
        return kinds;
    }

    /// <summary>A method by its name (any case), e.g. "Smote", "NearMiss1".</summary>
    public static T Method<T>(string? name, string what) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var method) && Enum.IsDefined(method) && !int.TryParse(name, out _)
            ? method
            : throw Refuse($"The {what} must be one of {string.Join(", ", Enum.GetNames<T>())}; {Shown(name ?? "null")} was given.");

    /// <summary>A metric by its name (any case), e.g. "F1", "Mcc".</summary>
    public static Core.Metrics.MetricId Metric(string? name) => Method<Core.Metrics.MetricId>(name, "metric");

    /// <summary>A slider's focus group as the hub shows it: {"kind": "category", "column": "embarked", "category": "Q"}, ...</summary>
    public static Core.Resampling.FocusGroup Group(JsonElement? element)
    {
        const string Example = "{\"kind\": \"class\", \"positiveClass\": \"yes\"}, {\"kind\": \"category\", ...} or {\"kind\": \"range\", ...} as the room's state shows them";
        if (IsAbsent(element) || element!.Value.ValueKind != JsonValueKind.Object) throw Refuse($"Give the slider's focus group, like {Example}.");
        try
        {
            return JsonSerializer.Deserialize<Core.Resampling.FocusGroup>(element.Value.GetRawText(), GroupJson)
                ?? throw Refuse($"Give the slider's focus group, like {Example}.");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Refuse($"That focus group is not one this server knows: send it as the room's state shows groups ({Example}).");
        }
    }

    /// <summary>A focus group, or null when none is sent: the class slider then goes back to its class-balance track.</summary>
    public static Core.Resampling.FocusGroup? OptionalGroup(JsonElement? element) => IsAbsent(element) ? null : Group(element);

    private static readonly JsonSerializerOptions GroupJson = HubJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static bool IsAbsent(JsonElement? element) => element is null || element.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>A property by its camelCase name (any case accepted); null when absent or JSON null.</summary>
    private static JsonElement? Property(JsonElement value, string name)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return IsAbsent(property.Value) ? null : property.Value;
        }
        return null;
    }

    private static string? Text(JsonElement value, string name) => Property(value, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        var other => throw Refuse($"{name} must be text; {Shown(other.Value)} was given."),
    };

    private static IReadOnlyList<string>? TextList(JsonElement value, string name)
    {
        if (Property(value, name) is not { } list) return null;
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Refuse($"{name} must be a list of column names, like [\"name\", \"ticketno\"].");
        }
        return list.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static double Number(JsonElement value, string what)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        throw Refuse($"{what} must be a number; {Shown(value)} was given.");
    }

    private static string Shown(JsonElement value) => Shown(value.GetRawText());

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static ArgumentException Refuse(string message) => new(message);
}
