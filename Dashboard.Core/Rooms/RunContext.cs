using Dashboard.Core.Export;

namespace Dashboard.Core.Rooms;

/// <summary>
/// What a run was started with, carried by its <see cref="RunStarted"/> event so that listeners
/// (storage, hub clients) never read the room back, which may have moved on by then.
/// </summary>
/// <param name="State">The room's settings when the run started: data set, sliders, seats with thresholds, mode.</param>
/// <param name="Dataset">The data set in the words the page shows it, with the split's row counts.</param>
/// <param name="StartedBy">Who made the change that started it (empty for the server's own, e.g. a baseline).</param>
/// <param name="MovedSliderId">The slider moved last before the run; null for a baseline.</param>
public sealed record RunContext(RoomState State, RunDataset Dataset, string? StartedBy, string? MovedSliderId);
