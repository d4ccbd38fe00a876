using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactOS.Storage.Configuration;

/// <summary>
/// Fails start-up with a message that names the setting, the bad value and what is allowed, so an operator can fix
/// the configuration without reading code. Connection strings are never echoed: they may hold a password.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = StorageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.IsPostgres)
        {
            return ValidatePostgres(options);
        }

        if (options.IsSqlite)
        {
            return ValidateSqlite(options);
        }

        return ValidateOptionsResult.Fail(
            $"{Section}:Provider is '{options.Provider}', which is not a supported storage provider. " +
            $"Allowed values: '{StorageOptions.SqliteProvider}' (embedded file database, the default) or " +
            $"'{StorageOptions.PostgresProvider}' (required for more than one silo).");
    }

    private static ValidateOptionsResult ValidatePostgres(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:ConnectionString is required when {Section}:Provider is '{StorageOptions.PostgresProvider}', " +
                "for example 'Host=db.example;Port=5432;Database=contactos;Username=contactos;Password=...'.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the keyword at fault, not the value, so it is safe to show.
            return ValidateOptionsResult.Fail(
                $"{Section}:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateSqlite(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            // Silently ignoring it would put a cluster's data into a local file when Provider was forgotten.
            return ValidateOptionsResult.Fail(
                $"{Section}:ConnectionString is set but {Section}:Provider is '{StorageOptions.SqliteProvider}', " +
                $"which keeps its data in a file under {Section}:DataDirectory. Set {Section}:Provider to " +
                $"'{StorageOptions.PostgresProvider}' to use the connection string, or remove it.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:DataDirectory must name the directory for the SQLite database file " +
                $"(default 'data', relative to the current directory).");
        }

        return ValidateOptionsResult.Success;
    }
}
