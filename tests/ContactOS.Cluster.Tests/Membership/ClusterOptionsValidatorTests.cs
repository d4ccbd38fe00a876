using ContactOS.Runtime.Membership;

namespace ContactOS.Cluster.Tests.Membership;

public sealed class ClusterOptionsValidatorTests
{
    private readonly ClusterOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid_and_leave_the_cluster_off()
    {
        var options = new ClusterOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
        Assert.Equal(SiloRoles.Both, options.Roles);
        Assert.Equal(TimeSpan.FromSeconds(2), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DeathTimeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.5:0")]
    [InlineData("10.0.0.5:99999")]
    [InlineData(":5080")]
    public void An_enabled_cluster_needs_a_host_and_port_address(string? address)
    {
        var result = _validator.Validate(null, new ClusterOptions { Enabled = true, Address = address, Secret = "shared" });

        Assert.Contains("Cluster:Address", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void An_enabled_cluster_needs_the_secret_that_authenticates_calls_between_silos(string? secret)
    {
        var result = _validator.Validate(null, new ClusterOptions { Enabled = true, Address = "10.0.0.5:11111", Secret = secret });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Cluster:Secret", failure);
        Assert.Contains("Auth:Jwt:SigningKey", failure);
    }

    [Fact]
    public void A_death_timeout_shorter_than_two_heartbeats_is_refused_naming_both_settings()
    {
        var result = _validator.Validate(null, new ClusterOptions { HeartbeatInterval = TimeSpan.FromSeconds(2), DeathTimeout = TimeSpan.FromSeconds(3) });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Cluster:DeathTimeout", failure);
        Assert.Contains("Cluster:HeartbeatInterval", failure);
    }

    [Fact]
    public void A_silo_without_a_role_is_refused()
    {
        var result = _validator.Validate(null, new ClusterOptions { Roles = SiloRoles.None });

        Assert.Contains("'front', 'worker' or 'both'", Assert.Single(result.Failures!));
    }
}
