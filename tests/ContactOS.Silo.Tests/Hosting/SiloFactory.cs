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
/// (they are read while the host is built); the environment is Production, as for a process started by an operator.
/// What the host logs is kept in <see cref="Output"/>.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly CapturedLog _log = new();

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

    /// <summary>Every line the host logged so far, for failure messages and for what must never be logged.</summary>
    public string Output => _log.Text;

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
