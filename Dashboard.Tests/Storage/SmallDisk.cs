using System.Diagnostics;

namespace Dashboard.Tests.Storage;

/// <summary>
/// A small tmpfs mounted for one test, to make a data folder full or read-only for real. Mounting
/// needs root, as the test script and CI have; without it the test fails with that reason.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    public static SmallDisk Mount(int megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        return new SmallDisk(folder);
    }

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Folder);

    /// <summary>Fills the disk to the last block, then frees <paramref name="leaveBytes"/> of it again.</summary>
    public void Fill(long leaveBytes = 0)
    {
        var filler = Path.Combine(Folder, "filler.bin");
        using var file = new FileStream(filler, FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException)
        {
            // full
        }
        file.SetLength(Math.Max(0, file.Length - leaveBytes));
    }

    public void Dispose()
    {
        Run("umount", "-l", Folder);
        Directory.Delete(Folder);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command} {string.Join(' ', arguments)}' failed ({error.Trim()}). These tests mount a small tmpfs and need root, as ./test.sh and CI run.");
        }
    }
}
