using System.Runtime.InteropServices;

namespace Dashboard.Core.Training;

/// <summary>
/// Lowers the operating system's scheduling priority of the calling thread, for work nobody waits for (speculation:
/// training ahead while a room is idle). The training slots already keep such work from holding up a real fit; this
/// keeps it from holding up everything else on the cores: a page's render, SignalR's sends, a real fit started while it
/// runs. On Linux a thread at nice 19 gets about 1.5 % of a core that a nice-0 thread wants, and all of it otherwise.
/// Only for a thread of its own that ends with the work: an unprivileged process cannot raise the priority again, so a
/// pool thread lowered here would stay slow for whatever it ran next.
/// </summary>
public static class BackgroundPriority
{
    /// <summary>The nice value background work runs at (the lowest priority Linux has).</summary>
    public const int Nice = 19;

    /// <summary>Lowers the calling thread's priority; false when the system does not allow it (it then runs as before).</summary>
    public static bool LowerForThisThread()
    {
        if (Thread.CurrentThread.IsThreadPoolThread) throw new InvalidOperationException("Only a dedicated thread may be lowered: a pool thread cannot be raised again.");
        if (OperatingSystem.IsLinux()) return SetPriority(PrioProcess, GetThreadId(), Nice) == 0;
        if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            return true;
        }
        return false;
    }

    /// <summary>The calling thread's nice value on Linux (null elsewhere): for tests and diagnostics.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux()) return null;
        Marshal.SetLastPInvokeError(0);
        var nice = GetPriority(PrioProcess, GetThreadId());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    // On Linux, PRIO_PROCESS with a thread id sets that one thread's nice value (threads are scheduled as tasks).
    private const int PrioProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
