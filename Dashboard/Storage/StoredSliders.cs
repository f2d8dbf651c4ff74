using System.Text.Json.Nodes;
using Dashboard.Core.Rooms;

namespace Dashboard.Storage;

/// <summary>
/// Sliders read from storage. A class slider stored before the class slider had two sides has no
/// "balance" key (storage writes every property, null ones too, so a newer free class slider has
/// "balance": null): it is marked, and the room moves it onto the balance track when its data set
/// has loaded (<see cref="SliderState.MigratedOnto"/>), since that needs the class's natural share.
/// </summary>
public static class StoredSliders
{
    public static IReadOnlyList<SliderState> Read(string json) => Marked(JsonNode.Parse(json) as JsonArray, StorageJson.Read<SliderState[]>(json));

    /// <summary>The sliders read from <paramref name="stored"/>, each class slider without a "balance" key marked as stored before it.</summary>
    public static IReadOnlyList<SliderState> Marked(JsonArray? stored, IReadOnlyList<SliderState> sliders) =>
        sliders.Select((slider, i) => slider.IsClassSlider && stored?[i] is JsonObject node && !node.ContainsKey("balance")
            ? slider with { StoredBeforeBalance = true }
            : slider).ToArray();
}
