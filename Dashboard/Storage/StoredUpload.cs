using Dashboard.Core.Data;

namespace Dashboard.Storage;

/// <summary>An upload that was checked and kept: its source id ("upload:HASH"), its name for display, and the data as read.</summary>
public sealed record StoredUpload(string Source, string DisplayName, Dataset Dataset);
