namespace ContactOS.Storage.Tests.EventLog;

/// <summary>Makes a test's database unusable, as an outage would, and usable again.</summary>
public abstract class DatabaseOutage : IAsyncDisposable
{
    /// <summary><c>Storage:*</c> settings of a log that is subject to the outage.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract Task BeginAsync();

    public abstract Task EndAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
