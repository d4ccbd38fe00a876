using ContactOS.Runtime.Hosting;
using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Reminders;
using ContactOS.Storage.Configuration;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Reminders;
using ContactOS.Storage.Schema;
using ContactOS.Storage.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers durable grain state (<see cref="IGrainStateStore"/>), reminders (<see cref="IReminderTable"/>) and the
    /// event log (<see cref="IEventLog"/>, with its <see cref="EventLogBulkLoader"/> baseline) on
    /// SQLite or PostgreSQL as configured in <paramref name="storageSection"/> (the <c>Storage</c> section), and a
    /// start-up task that creates or migrates the schema. Bad settings fail host start-up with a message naming the
    /// setting. These registrations replace any earlier <see cref="IGrainStateStore"/>, <see cref="IReminderTable"/> or <see cref="IEventLog"/>
    /// (such as an in-memory default).
    /// </summary>
    public static IServiceCollection AddContactOSStorage(this IServiceCollection services, IConfiguration storageSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storageSection);

        services.AddLogging();
        services.AddOptions<StorageOptions>().Bind(storageSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(provider => StorageDatabase.Create(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>()));
        services.RemoveAll<IGrainStateStore>();
        services.AddSingleton<IGrainStateStore, AdoNetGrainStateStore>();
        services.RemoveAll<IReminderTable>();
        services.AddSingleton<IReminderTable, AdoNetReminderTable>();
        services.RemoveAll<IEventLog>();
        services.AddSingleton<IEventLog, AdoNetEventLog>();
        services.TryAddSingleton(provider => new EventLogBulkLoader(
            provider.GetRequiredService<StorageDatabase>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloStartupTask, SchemaMigrator>());
        return services;
    }
}
