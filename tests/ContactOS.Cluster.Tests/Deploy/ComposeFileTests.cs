using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactOS.Testing;

namespace ContactOS.Cluster.Tests.Deploy;

/// <summary>
/// What an operator relies on in <c>docker-compose.yml</c>, checked on the file as docker-compose itself resolves
/// it, and on <c>deploy/Dockerfile</c>, the image it builds. No Docker engine is needed.
/// </summary>
public sealed partial class ComposeFileTests(ResolvedComposeFile compose) : IClassFixture<ResolvedComposeFile>
{
    private static readonly string[] s_workers = ["worker-1", "worker-2"];
    private static readonly string[] s_silos = [.. s_workers, "front"];

    private const string SiloPort = "11111";
    private const string GatewayPort = "30000";

    /// <summary>Silo:ShutdownTimeout when a process does not set it (SiloHostOptions).</summary>
    private static readonly TimeSpan s_defaultShutdownTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Settings of the runtime the product had before Orleans; a process given one would silently ignore it.</summary>
    private static readonly string[] s_removedSettings =
    [
        "CONTACTOS_Cluster__Enabled", "CONTACTOS_Cluster__Roles", "CONTACTOS_Cluster__Address", "CONTACTOS_Cluster__Secret",
        "CONTACTOS_Cluster__HeartbeatInterval", "CONTACTOS_Cluster__DeathTimeout", "CONTACTOS_Silo__CallTimeout",
        "CONTACTOS_Silo__CollectionAge", "CONTACTOS_Silo__CollectionQuantum", "CONTACTOS_Silo__MinimumReminderPeriod",
    ];

    [Fact]
    public void The_file_is_valid_and_runs_postgres_two_workers_and_one_front()
    {
        Assert.Equal(["front", "postgres", "worker-1", "worker-2"], compose.Services.Select(service => service.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Workers_have_the_worker_role_and_the_front_the_front_role()
    {
        foreach (var worker in s_workers)
        {
            Assert.Equal("worker", Environment(worker)["CONTACTOS_Cluster__Role"]);
        }

        Assert.Equal("front", Environment("front")["CONTACTOS_Cluster__Role"]);
    }

    [Fact]
    public void Every_process_joins_one_cluster_on_postgres_under_a_name_of_its_own()
    {
        foreach (var silo in s_silos)
        {
            var environment = Environment(silo);
            Assert.Equal("postgres", environment["CONTACTOS_Storage__Provider"]);
            Assert.Contains("Host=postgres;", environment["CONTACTOS_Storage__ConnectionString"], StringComparison.Ordinal);
            Assert.Equal(silo, environment["CONTACTOS_Silo__Name"]);
        }

        // Processes with the same database and Cluster:Id form one cluster: all set the same id, or all keep the default.
        Assert.Single(s_silos.Select(silo => Environment(silo).GetValueOrDefault("CONTACTOS_Cluster__Id")).Distinct());
    }

    [Fact]
    public void No_process_sets_a_setting_of_the_runtime_before_Orleans()
    {
        foreach (var silo in s_silos)
        {
            var removed = Environment(silo).Keys.Intersect(s_removedSettings, StringComparer.OrdinalIgnoreCase).ToList();
            Assert.True(removed.Count == 0, $"Service {silo} sets {string.Join(", ", removed)}, which no longer exist.");
        }
    }

    [Fact]
    public void Workers_listen_on_fixed_silo_and_gateway_ports_and_the_front_opens_neither()
    {
        foreach (var worker in s_workers)
        {
            var environment = Environment(worker);
            Assert.Equal(SiloPort, environment["CONTACTOS_Silo__Port"]);
            Assert.Equal(GatewayPort, environment["CONTACTOS_Silo__GatewayPort"]);

            // Other processes reach a worker at its container's address, Orleans' default; a fixed address would be wrong.
            Assert.False(environment.ContainsKey("CONTACTOS_Silo__AdvertisedAddress"), $"Service {worker} fixes Silo:AdvertisedAddress.");
        }

        var front = Environment("front");
        Assert.False(front.ContainsKey("CONTACTOS_Silo__Port"), "The front is an Orleans client: it has no silo port.");
        Assert.False(front.ContainsKey("CONTACTOS_Silo__GatewayPort"), "The front is an Orleans client: it has no gateway port.");
    }

    [Fact]
    public void Docker_waits_longer_than_the_shutdown_timeout_before_it_kills_a_stopping_process()
    {
        foreach (var silo in s_silos)
        {
            var shutdownTimeout = Environment(silo).TryGetValue("CONTACTOS_Silo__ShutdownTimeout", out var setting)
                ? TimeSpan.Parse(setting, CultureInfo.InvariantCulture)
                : s_defaultShutdownTimeout;
            var grace = compose.Services[silo]!["stop_grace_period"]?.GetValue<string>();
            Assert.True(grace is not null, $"Service {silo} has no stop_grace_period: Docker would kill it after 10 s.");
            Assert.True(
                ComposeDuration(grace) > shutdownTimeout,
                $"Service {silo}: stop_grace_period {grace} is not longer than Silo:ShutdownTimeout {shutdownTimeout}.");
        }
    }

    [Fact]
    public void Every_silo_runs_outside_demo_mode_with_the_signing_key_from_the_environment()
    {
        foreach (var silo in s_silos)
        {
            var environment = Environment(silo);
            Assert.Equal("false", environment["CONTACTOS_Demo__Enabled"]);
            Assert.Equal(ResolvedComposeFile.SigningKey, environment["CONTACTOS_Auth__Jwt__SigningKey"]);
        }
    }

    [Fact]
    public void Every_service_has_a_healthcheck_and_silos_check_readiness()
    {
        foreach (var (name, service) in compose.Services)
        {
            var test = service!["healthcheck"]?["test"] as JsonArray;
            Assert.True(test is { Count: > 1 }, $"Service {name} has no healthcheck test.");
            if (s_silos.Contains(name))
            {
                Assert.Contains("/health/ready", string.Join(' ', test.Select(part => part!.GetValue<string>())), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_front_starts_once_postgres_and_both_workers_are_healthy_and_workers_once_postgres_is()
    {
        Assert.Equal(
            new Dictionary<string, string> { ["postgres"] = "service_healthy", ["worker-1"] = "service_healthy", ["worker-2"] = "service_healthy" },
            DependsOn("front"));
        foreach (var worker in s_workers)
        {
            Assert.Equal(new Dictionary<string, string> { ["postgres"] = "service_healthy" }, DependsOn(worker));
        }
    }

    [Fact]
    public void Only_the_front_publishes_a_port_and_it_is_5080()
    {
        foreach (var (name, service) in compose.Services)
        {
            var ports = service!["ports"] as JsonArray ?? [];
            if (name == "front")
            {
                var port = Assert.Single(ports)!;
                Assert.Equal("5080", port["published"]?.GetValue<string>());
                Assert.Equal("5080", port["target"]?.GetValue<string>());
            }
            else
            {
                Assert.True(ports.Count == 0, $"Service {name} publishes {ports.ToJsonString()}; only the front should.");
            }
        }
    }

    [Fact]
    public async Task Without_a_signing_key_the_file_is_refused_naming_the_variable()
    {
        var result = await DockerCompose.ConfigAsync(new Dictionary<string, string?> { [ResolvedComposeFile.SigningKeyVariable] = null });

        Assert.True(result.ExitCode != 0, $"Expected docker-compose config to fail without a signing key: {result}");
        Assert.Contains(ResolvedComposeFile.SigningKeyVariable, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dockerfile_builds_the_dashboard_in_its_own_stage_and_runs_as_a_non_root_user_exposing_the_http_silo_and_gateway_ports()
    {
        var instructions = DockerfileInstructions();
        var stages = instructions.Where(instruction => instruction.Name == "FROM").ToList();
        Assert.True(stages.Count >= 3, $"Expected dashboard, build and runtime stages, got: {string.Join(" | ", stages.Select(stage => stage.Arguments))}");
        Assert.Contains(stages, stage => stage.Arguments.StartsWith("node:", StringComparison.Ordinal) && stage.Arguments.EndsWith(" AS dashboard", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(instructions, instruction => instruction.Name == "COPY" && instruction.Arguments.StartsWith("--from=dashboard ", StringComparison.Ordinal));

        var runtime = instructions.Skip(instructions.LastIndexOf(stages[^1])).ToList();
        var user = runtime.LastOrDefault(instruction => instruction.Name == "USER");
        Assert.True(user is not null, "The runtime stage sets no USER: it would run as root.");
        Assert.True(user.Arguments.Split(':')[0] is not ("root" or "0"), $"The runtime stage runs as root (USER {user.Arguments}).");

        var exposed = runtime.Where(instruction => instruction.Name == "EXPOSE").SelectMany(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("5080", exposed);
        Assert.Contains(SiloPort, exposed);
        Assert.Contains(GatewayPort, exposed);
    }

    [Fact]
    public void The_dockerfile_copies_every_project_the_silo_needs_before_restoring()
    {
        var copied = DockerfileInstructions().Where(instruction => instruction.Name == "COPY").Select(instruction => instruction.Arguments.Split(' ')[0]).ToHashSet();

        foreach (var project in SiloProjects())
        {
            Assert.True(copied.Contains(project), $"deploy/Dockerfile does not copy {project} before 'dotnet restore'.");
        }
    }

    [Fact]
    public void The_dockerfile_copies_no_project_the_repository_no_longer_has()
    {
        var root = RepositoryRoot.Locate();
        var missing = DockerfileInstructions()
            .Where(instruction => instruction.Name == "COPY" && !instruction.Arguments.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .Where(source => source.EndsWith(".csproj", StringComparison.Ordinal) && !File.Exists(Path.Combine(root, source)))
            .ToList();

        Assert.True(missing.Count == 0, $"deploy/Dockerfile copies projects that do not exist: {string.Join(", ", missing)}.");
    }

    /// <summary>A duration as docker-compose config prints it: "25s", "1m", "1m30s", "500ms".</summary>
    private static TimeSpan ComposeDuration(string text)
    {
        var parts = DurationPart().Matches(text);
        Assert.True(parts.Sum(part => part.Length) == text.Length, $"'{text}' is not a compose duration.");
        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            return total + part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromMicroseconds(value),
            };
        });
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us)")]
    private static partial Regex DurationPart();

    private Dictionary<string, string> Environment(string service)
        => (compose.Services[service]!["environment"] as JsonObject ?? [])
            .ToDictionary(variable => variable.Key, variable => variable.Value!.GetValue<string>());

    private Dictionary<string, string> DependsOn(string service)
        => (compose.Services[service]!["depends_on"] as JsonObject ?? [])
            .ToDictionary(dependency => dependency.Key, dependency => dependency.Value!["condition"]!.GetValue<string>());

    private sealed record Instruction(string Name, string Arguments);

    /// <summary>Instructions of deploy/Dockerfile, comments dropped and continued lines joined.</summary>
    private static List<Instruction> DockerfileInstructions()
    {
        var instructions = new List<Instruction>();
        var current = "";
        foreach (var line in File.ReadAllLines(RepositoryRoot.PathOf("deploy", "Dockerfile")).Select(line => line.Trim()))
        {
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var split = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(new Instruction(current[..split].ToUpperInvariant(), current[(split + 1)..].Trim()));
                current = "";
            }
        }

        return instructions;
    }

    /// <summary>The silo's project file and every project it references, directly or not, as paths from the root.</summary>
    private static SortedSet<string> SiloProjects()
    {
        var root = RepositoryRoot.Locate();
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(root, "src", "ContactOS.Silo", "ContactOS.Silo.csproj")]);
        while (pending.TryPop(out var project))
        {
            if (!projects.Add(Path.GetRelativePath(root, project).Replace('\\', '/')))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return projects;
    }
}
