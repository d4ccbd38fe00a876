namespace ContactOS.Storage.Configuration;

/// <summary>
/// The storage cannot serve this process as configured (another process holds the SQLite database, say): start-up stops
/// with the message, which says what to change.
/// </summary>
public sealed class StorageConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
