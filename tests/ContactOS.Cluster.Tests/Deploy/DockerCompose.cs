using System.ComponentModel;
using System.Diagnostics;
using ContactOS.Testing;

namespace ContactOS.Cluster.Tests.Deploy;

/// <summary>
/// Runs <c>docker-compose config</c> (1.29: validates and prints the resolved file; needs no Docker engine) on the
/// repository's <c>docker-compose.yml</c>. A missing docker-compose fails the test: it is never skipped.
/// </summary>
internal static class DockerCompose
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    public static string ComposeFile => RepositoryRoot.PathOf("docker-compose.yml");

    /// <summary>
    /// <c>docker-compose config</c> with each variable of <paramref name="environment"/> set, or removed when its
    /// value is null. A local .env file is ignored (an empty one is passed instead): the test checks the file as
    /// shipped.
    /// </summary>
    public static async Task<Result> ConfigAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var startInfo = new ProcessStartInfo("docker-compose")
            {
                WorkingDirectory = RepositoryRoot.Locate(),
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "--env-file", emptyEnvFile, "-f", ComposeFile, "config" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(name);
                }
                else
                {
                    startInfo.Environment[name] = value;
                }
            }

            using var process = StartOrFail(startInfo);
            using var timeout = new CancellationTokenSource(s_timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return new Result(process.ExitCode, await output, await error);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"docker-compose config did not finish within {s_timeout.TotalSeconds} s.");
            }
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    private static Process StartOrFail(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("docker-compose did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "docker-compose is not on the PATH: the deployment tests validate docker-compose.yml with it. Install " +
                "docker-compose 1.29 (the Debian package docker-compose; tests/run.sh installs it).", exception);
        }
    }
}
