using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactOS.Testing.Processes;

/// <summary>
/// The real silo host (<c>ContactOS.Silo.dll</c>) in its own process, on 127.0.0.1, with its output captured. Every
/// wait is bounded and fails with the process's output, so a broken start explains itself instead of hanging.
/// Disposing kills the process if it still runs. Linux and macOS only (signals).
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private static readonly TimeSpan s_defaultReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_defaultExitTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;
    private Uri? _baseAddress;

    private SiloProcess(Process process)
    {
        _process = process;
        // No proxy: a test machine's HTTP_PROXY must not see (or break) calls to 127.0.0.1.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Where the silo listens, e.g. http://127.0.0.1:41234/, once its "listening on" start-up line was seen;
    /// null before. <see cref="WaitUntilReadyAsync"/> waits for it.
    /// </summary>
    public Uri? BaseAddress => Volatile.Read(ref _baseAddress);

    /// <summary>A client for <see cref="BaseAddress"/> (absolute URIs work before it is known).</summary>
    public HttpClient Http => _http;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything written to stdout so far.</summary>
    public string StandardOutput => Snapshot(_standardOutput);

    /// <summary>Everything written to stderr so far.</summary>
    public string StandardError => Snapshot(_standardError);

    /// <summary>Both streams interleaved in arrival order, stderr lines marked, for failure messages.</summary>
    public string Output => Snapshot(_output);

    /// <summary>Starts the host built with the same configuration (Debug, Release) as the running tests.</summary>
    public static SiloProcess Start(SiloProcessOptions? options = null)
    {
        options ??= new SiloProcessOptions();
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Its own stdin, so the silo never reads from (or waits on) the test runner's.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? options.DataDirectory ?? Path.GetTempPath(),
        };
        startInfo.ArgumentList.Add(LocateHostAssembly());
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
        if (options.DataDirectory is not null)
        {
            startInfo.ArgumentList.Add("--Storage:DataDirectory");
            startInfo.ArgumentList.Add(options.DataDirectory);
        }

        startInfo.ArgumentList.Add("--Demo:Traffic");
        startInfo.ArgumentList.Add(options.DemoTraffic ? "true" : "false");
        foreach (var argument in options.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(IsHostSetting).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in options.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var silo = new SiloProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        silo.Begin();
        return silo;
    }

    /// <summary>
    /// Path of <c>src/ContactOS.Silo/bin/{Configuration}/{TargetFramework}/ContactOS.Silo.dll</c>, the configuration
    /// and framework taken from where the test assembly runs (<c>.../bin/{Configuration}/{TargetFramework}/</c>).
    /// </summary>
    public static string LocateHostAssembly()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        if (output.Parent?.Parent?.Name != "bin")
        {
            throw new InvalidOperationException(
                $"Cannot tell the build configuration from the test output directory '{output.FullName}' " +
                "(expected .../bin/<Configuration>/<TargetFramework>/).");
        }

        var configuration = output.Parent.Name;
        var assembly = Path.Combine(RepositoryRoot.Locate(), "src", "ContactOS.Silo", "bin", configuration, output.Name, "ContactOS.Silo.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException(
                $"The silo host is not built: '{assembly}' is missing. Run 'dotnet build src/ContactOS.Silo -c {configuration}'.");
    }

    /// <summary>
    /// Waits until <c>GET /health/ready</c> answers 200. Fails at once if the process exits, and after
    /// <paramref name="timeout"/> (default 30 s) otherwise, with the process's output in the message.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? s_defaultReadyTimeout;
        var watch = Stopwatch.StartNew();
        var lastAnswer = "no answer yet";
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"The silo exited with code {_process.ExitCode} before it was ready. Output:\n{Output}");
            }

            if (BaseAddress is { } address)
            {
                try
                {
                    using var response = await _http.GetAsync(new Uri(address, "health/ready"), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }

                    lastAnswer = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                }
                catch (HttpRequestException ex)
                {
                    lastAnswer = ex.Message;
                }
                catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    lastAnswer = ex.Message;
                }
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"The silo was not ready within {limit.TotalSeconds:0.#} s (last answer: {lastAnswer}). Output:\n{Output}");
            }

            await Task.Delay(s_pollInterval, cancellationToken);
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code; a timeout fails (the process keeps running).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? s_defaultExitTimeout;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        try
        {
            // Also waits until both output streams are read to the end.
            await _process.WaitForExitAsync(timer.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The silo did not exit within {limit.TotalSeconds:0.#} s. Output:\n{Output}");
        }
    }

    /// <summary>
    /// Sends SIGTERM (what <c>docker stop</c> and systemd send) and waits for the graceful shutdown; returns the exit
    /// code. If it does not exit within <paramref name="timeout"/> (default 30 s) the process is killed and this fails.
    /// </summary>
    public async Task<int> StopGracefullyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Signal(SigTerm);
        try
        {
            return await WaitForExitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>SIGKILL: the process dies at once, nothing of its shutdown runs (a crash). Returns the exit code.</summary>
    public async Task<int> KillAsync(CancellationToken cancellationToken = default)
    {
        Signal(SigKill);
        return await WaitForExitAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Waits until stdout has a line containing <paramref name="text"/>; fails after <paramref name="timeout"/> (default 30 s) or when the process exits.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? s_defaultReadyTimeout;
        var watch = Stopwatch.StartNew();
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || watch.Elapsed > limit)
            {
                // One last look: the line may have arrived with the exit.
                await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(1));
                if (StandardOutput.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new TimeoutException(
                    $"The silo {(_process.HasExited ? $"exited with code {_process.ExitCode}" : $"ran {limit.TotalSeconds:0.#} s")} " +
                    $"without writing '{text}'. Output:\n{Output}");
            }

            await Task.Delay(s_pollInterval, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
        finally
        {
            _http.Dispose();
            _process.Dispose();
        }
    }

    private void Begin()
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data, _standardOutput, isError: false);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, _standardError, isError: true);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line, StringBuilder stream, bool isError)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            stream.AppendLine(line);
            _output.Append(isError ? "[stderr] " : "").AppendLine(line);
        }

        if (!isError && BaseAddress is null && ListeningLine().Match(line) is { Success: true } match)
        {
            // "http://127.0.0.1:41234" → a base address whose relative URIs keep the port.
            Volatile.Write(ref _baseAddress, new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
        }
    }

    private string Snapshot(StringBuilder text)
    {
        lock (_output)
        {
            return text.ToString();
        }
    }

    private void Signal(int signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (kill(_process.Id, signal) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException(
                $"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private async Task WaitForExitQuietlyAsync(TimeSpan limit)
    {
        using var timer = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller reports what it has.
        }
    }

    private static bool IsHostSetting(string name) =>
        name.StartsWith("CONTACTOS_", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("URLS", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet executable running the tests (the SDK sets DOTNET_HOST_PATH for child processes), else PATH's.</summary>
    private static string DotnetHost() =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"listening on (?<url>https?://[^\s,]+)")]
    private static partial Regex ListeningLine();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
