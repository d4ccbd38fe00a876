using ContactOS.Grains.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactOS.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// The settings the domain grains read (<c>Pipeline</c>, validated at start-up). Orleans finds the grains themselves;
    /// the host supplies <see cref="IEventHistory"/>, <see cref="ITenantTimeZones"/> and the grain storage named
    /// <see cref="GrainStorageNames.Snapshots"/>.
    /// </summary>
    public static IServiceCollection AddContactOSGrains(this IServiceCollection services, IConfiguration? pipelineSection = null)
    {
        var options = services.AddOptions<PipelineOptions>();
        if (pipelineSection is not null)
        {
            options.Bind(pipelineSection);
        }

        options.Validate(o => o.SnapshotInterval > TimeSpan.Zero, $"{PipelineOptions.SectionName}:SnapshotInterval must be greater than zero.")
            .Validate(o => o.ApplyWaitLimit > TimeSpan.Zero, $"{PipelineOptions.SectionName}:ApplyWaitLimit must be greater than zero.")
            .ValidateOnStart();
        return services;
    }
}
