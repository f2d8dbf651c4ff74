namespace Dashboard.Tests;

/// <summary>A test of Linux's own behaviour (e.g. thread priorities): skipped, saying so, on other systems.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "This test checks Linux's thread scheduling; it runs on Linux only.";
    }
}
