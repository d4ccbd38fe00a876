using System.Text;
using Microsoft.Extensions.Logging;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>
/// A logger provider that keeps every line the host logs (at the levels its settings allow, as the console shows
/// them), so an in-process host can be read the way a process's output is.
/// </summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Append(string line)
    {
        lock (_lock)
        {
            _text.AppendLine(line);
        }
    }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The console's level names (info, warn, fail, ...), as an operator reads them in the process's output.
            var line = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {ShortName(logLevel)}: {category}[{eventId.Id}] {formatter(state, exception)}";
            owner.Append(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }

        private static string ShortName(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
