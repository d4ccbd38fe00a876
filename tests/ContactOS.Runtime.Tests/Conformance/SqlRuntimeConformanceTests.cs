using ContactOS.Storage;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Testing.Silos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactOS.Runtime.Tests.Conformance;

/// <summary>
/// The conformance suite on a SQL database, through the same storage registration the host uses (schema
/// migration included). Each silo gets its own connections, as a separate process would.
/// </summary>
public abstract class SqlRuntimeConformanceTests : RuntimeConformanceTests
{
    /// <summary>The Storage section for the database under test.</summary>
    protected abstract IReadOnlyDictionary<string, string?> StorageSettings { get; }

    /// <summary>A Storage section whose database cannot be reached.</summary>
    protected abstract IReadOnlyDictionary<string, string?> UnreachableStorageSettings { get; }

    /// <summary>A fragment the unreachable-database error must contain to tell the operator what to fix.</summary>
    protected abstract string UnreachableHint { get; }

    protected override void ConfigureStorage(IServiceCollection services) => AddStorage(services, StorageSettings);

    [Fact]
    public async Task Start_up_fails_with_a_message_saying_what_to_fix_when_the_database_is_unreachable()
    {
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => TestSilo.StartAsync(Time, services => AddStorage(services, UnreachableStorageSettings)));

        Assert.Contains(UnreachableHint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_fails_with_a_message_naming_the_setting_when_the_provider_is_unknown()
    {
        var settings = new Dictionary<string, string?>(StorageSettings) { ["Provider"] = "mysql" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestSilo.StartAsync(Time, services => AddStorage(services, settings)));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("mysql", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres", error.Message, StringComparison.Ordinal);
    }

    private static void AddStorage(IServiceCollection services, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddContactOSStorage(configuration);
    }
}
