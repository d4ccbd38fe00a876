namespace ContactOS.Runtime.Hosting;

/// <summary>
/// Work that must finish before a silo activates any grain or loads reminders, such as creating or migrating
/// the database schema. Tasks run in registration order; a failure stops start-up with the task's message.
/// </summary>
public interface ISiloStartupTask
{
    Task ExecuteAsync(CancellationToken cancellationToken);
}
