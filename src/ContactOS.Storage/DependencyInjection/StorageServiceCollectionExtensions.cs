using ContactOS.Storage.Configuration;
using ContactOS.Storage.Dialects;
using ContactOS.Storage.EventLog;
using ContactOS.Storage.Hosting;
using ContactOS.Storage.Schema;
using ContactOS.Storage.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace ContactOS.Storage.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the event log (<see cref="IEventLog"/>, with its <see cref="EventLogBulkLoader"/> baseline) on SQLite or
    /// PostgreSQL as configured in <paramref name="storageSection"/> (the <c>Storage</c> section), and two hosted services
    /// that run before anything registered later: the lock that keeps a second process off a SQLite database, and the
    /// schema migration. Bad settings fail host start-up with a message naming the setting.
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
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageDatabase>().OrleansProviders);
        services.RemoveAll<IEventLog>();
        services.AddSingleton<IEventLog, AdoNetEventLog>();
        services.TryAddSingleton(provider => new EventLogBulkLoader(
            provider.GetRequiredService<StorageDatabase>(), provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SqliteProcessLock>();
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<SchemaMigrator>());
        return services;
    }

    /// <summary>
    /// Registers the product's Orleans grain storage on this database under <paramref name="name"/> (grains name it in
    /// <c>[PersistentState(stateName, name)]</c>). Needs <see cref="AddContactOSStorage"/> and the Orleans serializer.
    /// </summary>
    public static IServiceCollection AddContactOSGrainStorage(this IServiceCollection services, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => ActivatorUtilities.CreateInstance<ContactOSGrainStorage>(provider));
        return services;
    }
}
