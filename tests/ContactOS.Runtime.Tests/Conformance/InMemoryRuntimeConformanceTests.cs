using ContactOS.Runtime.Persistence;
using ContactOS.Runtime.Reminders;
using ContactOS.Testing.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOS.Runtime.Tests.Conformance;

/// <summary>The conformance suite on the in-memory store, which unit tests of grain logic use.</summary>
public sealed class InMemoryRuntimeConformanceTests : RuntimeConformanceTests
{
    private readonly InMemoryGrainStateStore _states = new();
    private readonly InMemoryReminderTable _reminders = new();

    protected override Task InitializeStorageAsync() => Task.CompletedTask;

    protected override void ConfigureStorage(IServiceCollection services)
    {
        services.AddSingleton<IGrainStateStore>(_states);
        services.AddSingleton<IReminderTable>(_reminders);
    }
}
