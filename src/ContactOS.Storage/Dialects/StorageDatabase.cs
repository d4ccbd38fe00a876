using System.Data.Common;
using System.Text;
using ContactOS.Storage.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactOS.Storage.Dialects;

/// <summary>
/// The one database the silo talks to: opens connections and knows the few places where SQLite and PostgreSQL
/// differ (migration locking, schema scripts, which errors mean "the database is unavailable").
/// Stores write portable SQL against it; everything dialect-specific stays here.
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>Folder under <c>Schema/</c> that holds this dialect's migration scripts.</summary>
    public abstract string SchemaFolder { get; }

    /// <summary>How Orleans' ADO.NET providers (clustering, reminders) reach this database.</summary>
    public abstract OrleansAdoNetSettings OrleansProviders { get; }

    /// <summary>DDL creating the table that records applied schema versions, if it is missing.</summary>
    public string CreateSchemaVersionTableSql =>
        $"""
        CREATE TABLE IF NOT EXISTS contactos_schema_version (
            version    integer NOT NULL PRIMARY KEY,
            name       text    NOT NULL,
            applied_at {TimestampType} NOT NULL DEFAULT CURRENT_TIMESTAMP
        )
        """;

    /// <summary>Names the database for messages and logs, without secrets, e.g. "PostgreSQL database 'x' on host 'h' port 5432".</summary>
    public abstract string Target { get; }

    /// <summary>Column type for a point in time.</summary>
    protected abstract string TimestampType { get; }

    /// <summary>
    /// A condition "<paramref name="column"/> is one of the texts of list parameter <c>@<paramref name="parameter"/></c>",
    /// added with <see cref="AddTextList"/>: one parameter whatever the list's length.
    /// </summary>
    public abstract string InTextList(string column, string parameter);

    /// <summary>Adds the list parameter that <see cref="InTextList"/> reads.</summary>
    public abstract void AddTextList(DbCommand command, string parameter, IReadOnlyCollection<string> values);

    /// <summary>What an operator should check when the database cannot be used.</summary>
    protected abstract string Advice { get; }

    public static StorageDatabase Create(StorageOptions options, ILoggerFactory loggerFactory) =>
        options.IsPostgres
            ? new PostgresDatabase(options.ConnectionString!, loggerFactory)
            : new SqliteDatabase(options.DataDirectory);

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection; failures that mean the database cannot be reached or
    /// used surface as <see cref="StorageUnavailableException"/>, everything else unchanged.
    /// </summary>
    public async Task<TResult> RunAsync<TResult>(Func<DbConnection, Task<TResult>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <inheritdoc cref="RunAsync{TResult}"/>
    public Task RunAsync(Func<DbConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await work(connection);
            return true;
        }, cancellationToken);

    /// <summary>Work done once before the first migration, outside any transaction (e.g. creating the data directory).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts the migration transaction holding a lock that makes concurrent migrators (other processes) wait,
    /// so the schema is inspected and changed by one of them at a time.
    /// </summary>
    public abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public abstract void Dispose();

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>True when <paramref name="exception"/> means the database cannot be reached or used right now.</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>Removes anything secret from provider text before it goes into a message.</summary>
    protected virtual string Redact(string text) => text;

    protected StorageUnavailableException Unavailable(Exception cause) =>
        new($"{Target} is unavailable: {Redact(Describe(cause))}. {Advice}", cause);

    /// <summary>"outer (inner (innermost))": the provider's message alone often hides the real reason.</summary>
    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.Message.TrimEnd('.'));
        var closers = 0;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            var message = inner.Message.TrimEnd('.');
            if (!text.ToString().Contains(message, StringComparison.Ordinal))
            {
                text.Append(" (").Append(message);
                closers++;
            }
        }

        return text.Append(')', closers).ToString();
    }
}
