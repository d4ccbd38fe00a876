namespace ContactOS.Storage;

/// <summary>
/// The database could not be reached or used (server down, wrong host or port, file not writable, lock timeout).
/// The message names the database, the reason and the setting to check, and never contains a password.
/// Hosts map it to "503 Service Unavailable"; the operation may succeed when the database is back.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
