using ContactOS.Storage.Dialects;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Storage.Health;

public static class StorageServiceProviderExtensions
{
    /// <summary>
    /// Names the database registered by <c>AddContactOSStorage</c> for logs, e.g. "SQLite database file
    /// '/srv/contactos/data/contactos.db'" or "PostgreSQL database 'contactos' on host 'db' port 5432 (user
    /// 'contactos')". Never contains a password. Resolving it validates the storage settings, so a bad setting
    /// throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> here.
    /// </summary>
    public static string DescribeStorage(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<StorageDatabase>().Target;
    }
}
