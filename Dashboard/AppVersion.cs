using System.Reflection;

namespace Dashboard;

/// <summary>The app's version, shown in the footer.</summary>
public static class AppVersion
{
    public static string Text { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";
}
