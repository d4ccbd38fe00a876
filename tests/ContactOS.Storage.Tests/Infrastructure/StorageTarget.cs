namespace ContactOS.Storage.Tests.Infrastructure;

/// <summary>One database engine the conformance suites run against.</summary>
public abstract class StorageTarget : IAsyncDisposable
{
    /// <summary><c>Storage:*</c> settings of a fresh, empty database that only the calling test uses.</summary>
    public abstract Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
