using System.Text.Json.Nodes;

namespace ContactOS.Cluster.Tests.Deploy;

/// <summary>
/// The repository's compose file as <c>docker-compose config</c> resolves it with a signing key set: run once for
/// all the tests of a class. A failure (docker-compose missing, the file refused) is kept and reported by each
/// test that reads <see cref="Services"/>.
/// </summary>
public sealed class ResolvedComposeFile : IAsyncLifetime
{
    public const string SigningKeyVariable = "CONTACTOS_JWT_SIGNING_KEY";

    /// <summary>Any value: the compose file only requires one to be set.</summary>
    public const string SigningKey = "compose-test-signing-key-of-32-characters";

    private JsonObject? _services;
    private string _failure = "docker-compose config has not run.";

    /// <summary>The <c>services</c> mapping of the resolved file; fails the calling test if config failed.</summary>
    public JsonObject Services => _services ?? throw new InvalidOperationException(_failure);

    public async Task InitializeAsync()
    {
        DockerCompose.Result result;
        try
        {
            result = await DockerCompose.ConfigAsync(new Dictionary<string, string?> { [SigningKeyVariable] = SigningKey });
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Kept for the tests that need the file; the class's other tests (the Dockerfile's) still run.
            _failure = exception.Message;
            return;
        }

        if (result.ExitCode != 0)
        {
            _failure = $"docker-compose config rejected {DockerCompose.ComposeFile}: {result}";
            return;
        }

        _services = ComposeYaml.Parse(result.Output)["services"] as JsonObject
            ?? throw new InvalidOperationException($"No services in the output of docker-compose config:\n{result.Output}");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
