using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Storage;

/// <summary>
/// The real dashboard as a separate process (`dotnet Dashboard.dll` from this test's output), on a
/// free loopback port, with a data folder of the test's choosing; it can be killed with SIGKILL
/// like a crashed server, and started again on the same folder.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static async Task<AppProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Launch(dataFolder, settings);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>Starts the app and waits for it to exit by itself (a start that must fail); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataFolder, TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null)
    {
        await using var app = Launch(dataFolder, settings);
        using var cancel = new CancellationTokenSource(timeout);
        await app._process.WaitForExitAsync(cancel.Token);
        app._process.WaitForExit(); // the output's last lines are read
        return (app._process.ExitCode, app.Log);
    }

    private static AppProcess Launch(string dataFolder, IReadOnlyDictionary<string, string>? settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Dashboard.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Dashboard__DataFolder"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Every test client comes from 127.0.0.1: per-address limits are raised unless the test sets them.
        foreach (var (key, value) in TestLimits.Raised) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting:\n{Log}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer /healthz within 90 s:\n{Log}");
    }

    /// <summary>SIGKILL: the process gets no chance to flush, finish a write or run any shutdown code.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(); // SIGKILL on Unix
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM and wait: a normal shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
