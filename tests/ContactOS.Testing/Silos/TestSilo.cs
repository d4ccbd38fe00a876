using ContactOS.Runtime;
using ContactOS.Runtime.Hosting;
using ContactOS.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactOS.Testing.Silos;

/// <summary>
/// A started silo built the way the host builds one, with a fake clock and the storage a test chooses.
/// Disposing it stops the silo gracefully (every activation deactivates) and releases the storage.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private TestSilo(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
        Silo = services.GetRequiredService<Silo>();
    }

    public Silo Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public int ActivationCount => Silo.Runtime.ActivationCount;

    /// <summary>Builds and starts a silo; <paramref name="configureStorage"/> registers the state store and reminder table.</summary>
    public static async Task<TestSilo> StartAsync(FakeTimeProvider time, Action<IServiceCollection> configureStorage, Action<SiloOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        configureStorage(services);
        services.AddGrainRuntime(configure: options =>
        {
            options.Name = "test-silo";
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            // Resolving the options runs their validation, as the host does at start-up.
            _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value;
            var silo = new TestSilo(provider, time);
            await silo.Silo.StartAsync(CancellationToken.None);
            return silo;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the silo gracefully; a later dispose does nothing more.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
