using ContactOS.Runtime.Membership;
using ContactOS.Storage.Configuration;
using Microsoft.Extensions.Options;

namespace ContactOS.Storage.Membership;

/// <summary>
/// Refuses <c>Cluster:Enabled</c> on SQLite at start-up: an embedded file cannot be shared by silos on several
/// machines, so a cluster on it would split into silos that each believe they are alone.
/// </summary>
internal sealed class ClusterStorageValidator(IOptions<StorageOptions> storage) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options) =>
        options.Enabled && !storage.Value.IsPostgres
            ? ValidateOptionsResult.Fail(
                $"Cluster:Enabled is true but Storage:Provider is '{storage.Value.Provider}': cluster membership needs a database " +
                $"every silo shares. Set Storage:Provider to '{StorageOptions.PostgresProvider}' with Storage:ConnectionString, " +
                "or set Cluster:Enabled to false to run one silo on SQLite.")
            : ValidateOptionsResult.Success;
}
