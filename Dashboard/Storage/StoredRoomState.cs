using System.Text.Json.Nodes;
using Dashboard.Core.Rooms;

namespace Dashboard.Storage;

/// <summary>
/// Reads a stored room state, migrating older shapes: before thresholds were per algorithm, a room
/// kept one "threshold" for all its cards; each seat now takes it. A class slider stored before the
/// class slider had two sides is marked for the room to migrate (<see cref="StoredSliders"/>).
/// </summary>
public static class StoredRoomState
{
    public static RoomState Read(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject;
        var sliders = root?["sliders"] as JsonArray;
        if (root is not null && root["threshold"] is JsonValue threshold && root["algorithms"] is JsonArray seats)
        {
            foreach (var seat in seats.OfType<JsonObject>())
            {
                if (!seat.ContainsKey("threshold")) seat["threshold"] = threshold.DeepClone();
            }
            root.Remove("threshold");
            json = root.ToJsonString();
        }
        var state = StorageJson.Read<RoomState>(json);
        return state with { Sliders = StoredSliders.Marked(sliders, state.Sliders) };
    }
}
