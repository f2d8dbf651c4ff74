using System.Text.Json.Nodes;
using Dashboard.Core.Rooms;

namespace Dashboard.Storage;

/// <summary>
/// Reads a stored room state, migrating older shapes: before thresholds were per algorithm, a room
/// kept one "threshold" for all its cards; each seat now takes it.
/// </summary>
public static class StoredRoomState
{
    public static RoomState Read(string json)
    {
        if (JsonNode.Parse(json) is JsonObject root && root["threshold"] is JsonValue threshold && root["algorithms"] is JsonArray seats)
        {
            foreach (var seat in seats.OfType<JsonObject>())
            {
                if (!seat.ContainsKey("threshold")) seat["threshold"] = threshold.DeepClone();
            }
            root.Remove("threshold");
            json = root.ToJsonString();
        }
        return StorageJson.Read<RoomState>(json);
    }
}
