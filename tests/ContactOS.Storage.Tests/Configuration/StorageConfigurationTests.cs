using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactOS.Storage.Configuration;
using ContactOS.Storage.DependencyInjection;
using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Tests.Configuration;

/// <summary>An operator who gets the storage settings wrong learns which setting, and how to fix it, at start-up.</summary>
public sealed class StorageConfigurationTests
{
    private const string Password = "pw-Do-Not-Leak-9f3c";

    [Fact]
    public void Defaults_AreEmbeddedSqliteInDataDirectory()
    {
        var options = new StorageOptions();

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("data", options.DataDirectory);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public async Task HostStart_UnknownProvider_FailsNamingSettingValueAndAllowedValues()
    {
        var error = await StartHostAsync(new() { ["Storage:Provider"] = "mysql" });

        var message = Assert.IsType<OptionsValidationException>(error).Message;
        Assert.Contains("Storage:Provider", message, StringComparison.Ordinal);
        Assert.Contains("'mysql'", message, StringComparison.Ordinal);
        Assert.Contains("'sqlite'", message, StringComparison.Ordinal);
        Assert.Contains("'postgres'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_PostgresWithoutConnectionString_FailsNamingConnectionStringSetting()
    {
        var error = await StartHostAsync(new() { ["Storage:Provider"] = "postgres" });

        Assert.Contains("Storage:ConnectionString", Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_SqliteWithConnectionString_FailsRatherThanIgnoringIt()
    {
        var error = await StartHostAsync(new()
        {
            ["Storage:ConnectionString"] = $"Host=db;Username=contactos;Password={Password}",
        });

        var message = Assert.IsType<OptionsValidationException>(error).Message;
        Assert.Contains("Storage:ConnectionString", message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_ValidSettingsWithAnyCaseProvider_Starts()
    {
        using var directory = new SqliteTestDirectory();

        var error = await StartHostAsync(new() { ["Storage:Provider"] = "SQLite", ["Storage:DataDirectory"] = directory.Path });

        Assert.Null(error);
    }

    [Fact]
    public async Task Migrate_PostgresOnClosedPort_ThrowsStorageUnavailableNamingServerAndSettingWithinSeconds()
    {
        var port = ClosedPort();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageHost.StartAsync(PostgresSettings(port)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Took {clock.Elapsed}.");
        Assert.Contains("'127.0.0.1'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'contactos_prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("server is running", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadState_PostgresOnClosedPort_ThrowsStorageUnavailableWrappingProviderError()
    {
        await using var storage = await StorageHost.StartAsync(PostgresSettings(ClosedPort()), migrate: false);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => storage.States.ReadAsync(GrainId.Create("tenant", "acme")));

        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(error.InnerException);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_SqliteDataDirectoryCannotBeCreated_ThrowsStorageUnavailableNamingPathAndSetting()
    {
        using var directory = new SqliteTestDirectory();
        // A path below a regular file can never become a directory, even for root.
        var blocker = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "");
        var dataDirectory = Path.Combine(blocker, "data");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
        }));

        Assert.Contains(dataDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> PostgresSettings(int port) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] =
            $"Host=127.0.0.1;Port={port};Database=contactos_prod;Username=contactos;Password={Password};Timeout=3",
    };

    /// <summary>The host's start-up as a silo runs it: options are validated before anything else happens.</summary>
    private static async Task<Exception?> StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddContactOSStorage(builder.Configuration.GetSection("Storage"));
        using var host = builder.Build();
        var error = await Record.ExceptionAsync(() => host.StartAsync());
        if (error is null)
        {
            await host.StopAsync();
        }

        return error;
    }

    private static int ClosedPort()
    {
        // Bound and released: nothing listens there afterwards, so a connection is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
