using System.Globalization;

namespace Dashboard.Cli;

/// <summary>The machine's load averages (1, 5 and 15 minutes, as `uptime` prints them), recorded next to every benchmark figure.</summary>
internal static class BenchLoad
{
    public static double[]? Now()
    {
        const string LoadFile = "/proc/loadavg";
        if (!File.Exists(LoadFile)) return null;
        return File.ReadAllText(LoadFile).Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }
}
