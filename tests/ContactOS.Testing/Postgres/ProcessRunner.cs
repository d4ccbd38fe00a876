using System.Diagnostics;
using System.Text;

namespace ContactOS.Testing.Postgres;

/// <summary>Runs a command to completion and fails with its output, so a broken PostgreSQL setup explains itself.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        var (process, output) = Start(fileName, arguments);
        using (process)
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException(
                    $"'{Describe(fileName, arguments)}' did not finish within {s_timeout.TotalSeconds:0} s. Output:\n{output}");
            }

            return Check(process, fileName, arguments, output);
        }
    }

    private static (Process Process, StringBuilder Output) Start(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static string Check(Process process, string fileName, IEnumerable<string> arguments, StringBuilder output)
    {
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException(
                $"'{Describe(fileName, arguments)}' failed with exit code {process.ExitCode}. Output:\n{text}");
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName));
}
