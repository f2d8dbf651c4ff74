namespace Dashboard.Tests;

/// <summary>
/// Per-address limits for test servers. Every test client connects from 127.0.0.1, so a suite that
/// opens many pages and rooms would hit the production defaults; the limits' own tests set theirs.
/// </summary>
internal static class TestLimits
{
    public static IReadOnlyDictionary<string, string> Raised { get; } = new Dictionary<string, string>
    {
        ["Security:RoomsPerAddressPerMinute"] = "10000",
        ["Security:WrongRoomCodesPerAddress"] = "10000",
        ["Security:ConcurrentUploadsPerAddress"] = "100",
        // Test servers start many times over: no background baseline at start-up unless a test asks (WarmStartTests does).
        ["Dashboard:WarmStart"] = "false",
        ["Dashboard:SpeculationIdleSeconds"] = "0",
    };
}
