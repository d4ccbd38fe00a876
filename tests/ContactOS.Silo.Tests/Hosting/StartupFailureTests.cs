using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactOS.Testing.Processes;
using ContactOS.Testing.Sqlite;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>
/// A silo that cannot run must end at once with a non-zero exit code and one paragraph on stderr that names the
/// setting to fix, never a wall of stack frames and never a password.
/// </summary>
public sealed class StartupFailureTests
{
    // Exit codes documented in src/ContactOS.Silo/README.md.
    private const int InvalidConfiguration = 2;
    private const int StorageUnavailable = 3;

    private static readonly TimeSpan s_exitLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Unknown_storage_provider_exits_naming_the_setting_and_the_allowed_values()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Storage:Provider", "mysql"],
        });

        var exitCode = await silo.WaitForExitAsync(s_exitLimit);

        Assert.Equal(InvalidConfiguration, exitCode);
        Assert.Contains("Storage:Provider", silo.StandardError);
        Assert.Contains("'mysql'", silo.StandardError);
        Assert.Contains("'sqlite'", silo.StandardError);
        Assert.Contains("'postgres'", silo.StandardError);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task Unreachable_PostgreSQL_exits_naming_the_connection_string_without_its_password()
    {
        const string password = "Pa55-never-shown-7f3a";
        var connectionString =
            $"Host=127.0.0.1;Port={ClosedPort().ToString(CultureInfo.InvariantCulture)};Database=contactos;" +
            $"Username=contactos;Password={password};Timeout=3";
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Environment = new Dictionary<string, string>
            {
                ["CONTACTOS_Storage__Provider"] = "postgres",
                ["CONTACTOS_Storage__ConnectionString"] = connectionString,
            },
        });

        var exitCode = await silo.WaitForExitAsync(s_exitLimit);

        Assert.Equal(StorageUnavailable, exitCode);
        Assert.Contains("Storage:ConnectionString", silo.StandardError);
        Assert.Contains("PostgreSQL database 'contactos' on host '127.0.0.1'", silo.StandardError);
        Assert.DoesNotContain(password, silo.Output);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task Invalid_silo_option_exits_naming_the_setting()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Arguments = ["--Silo:ResponseTimeout", "00:00:00"],
        });

        var exitCode = await silo.WaitForExitAsync(s_exitLimit);

        Assert.Equal(InvalidConfiguration, exitCode);
        Assert.Contains("Silo:ResponseTimeout", silo.StandardError);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task Unparsable_silo_option_exits_naming_the_setting()
    {
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions
        {
            DataDirectory = data.Path,
            Environment = new Dictionary<string, string> { ["CONTACTOS_Silo__ResponseTimeout"] = "soon" },
        });

        var exitCode = await silo.WaitForExitAsync(s_exitLimit);

        Assert.Equal(InvalidConfiguration, exitCode);
        Assert.Contains("Silo:ResponseTimeout", silo.StandardError);
        Assert.Contains("'soon'", silo.StandardError);
        AssertNoStackTrace(silo);
    }

    [Fact]
    public async Task Port_in_use_exits_naming_the_address_and_the_setting()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        using var data = new SqliteTestDirectory();
        await using var silo = SiloProcess.Start(new SiloProcessOptions { DataDirectory = data.Path, Port = port });

        var exitCode = await silo.WaitForExitAsync(s_exitLimit);

        Assert.Equal(InvalidConfiguration, exitCode);
        Assert.Contains($"http://127.0.0.1:{port}", silo.StandardError);
        Assert.Contains("address already in use", silo.StandardError);
        Assert.Contains("Urls", silo.StandardError);
        AssertNoStackTrace(silo);
    }

    private static void AssertNoStackTrace(SiloProcess silo)
    {
        Assert.StartsWith("ContactOS silo failed to start: ", silo.StandardError);
        Assert.DoesNotContain("   at ", silo.Output);
    }

    /// <summary>A port nothing listens on: bound to learn a free number, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
