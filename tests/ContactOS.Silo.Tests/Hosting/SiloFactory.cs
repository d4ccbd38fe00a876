using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Silo.Tests.Hosting;

/// <summary>
/// The silo host's own <c>Program</c> (web API, SignalR hub and Orleans silo) inside the test process, on Kestrel at a
/// free port on 127.0.0.1, so the tests speak real HTTP and WebSockets to it. Settings go in as the command line does
/// (they are read while the host is built, and beat the test process's own <c>CONTACTOS_*</c> variables); the environment
/// is Production, as for a process started by an operator.
/// What the host logs is kept in <see cref="Output"/>. The dashboard's built files are not beside the test assembly, so
/// <c>/</c> answers 404 here; the dashboard's tests run the host as a process.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly CapturedLog _log = new();
    private HttpClient? _http;

    /// <param name="settings">Settings by key, e.g. <c>Storage:DataDirectory</c>, over appsettings.json's.</param>
    public SiloFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel();
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/; starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <summary>A client for <see cref="BaseAddress"/>; starts the host on first use.</summary>
    public HttpClient Http
    {
        get
        {
            if (_http is null)
            {
                StartServer();
                _http = CreateClient();
                _http.Timeout = s_requestTimeout;
            }

            return _http;
        }
    }

    /// <summary>Every line the host logged so far, for failure messages and for what must never be logged.</summary>
    public string Output => _log.Text;

    /// <summary>Starts a host with <paramref name="settings"/> and waits until <c>GET /health/ready</c> answers 200.</summary>
    public static async Task<SiloFactory> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var silo = new SiloFactory(settings);
        try
        {
            using var ready = await silo.Http.GetAsync(new Uri(silo.BaseAddress, "health/ready"));
            Assert.True(ready.StatusCode == HttpStatusCode.OK,
                $"/health/ready answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}\n{silo.Output}");
            // The tests that look for secrets in the log need the log: its start-up line shows it is captured.
            Assert.Contains("listening on", silo.Output, StringComparison.Ordinal);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(_log));
    }
}
