using ContactOS.Runtime;
using ContactOS.Runtime.Placement;

namespace ContactOS.Cluster.Tests.Placement;

public sealed class PlacementKeyTests
{
    [Theory]
    [InlineData("conversation", "acme/c-42", "acme")]
    [InlineData("agent", "acme/agents/a-1", "acme")]
    [InlineData("tenant", "globex/today", "globex")]
    public void A_tenant_owned_grain_is_placed_by_its_tenant(string type, string key, string expected) =>
        Assert.Equal(expected, PlacementKey.Of(new GrainId(type, key)));

    [Theory]
    [InlineData("tenant", "acme")]
    [InlineData("aggregator", "acme")]
    public void A_tenants_own_grains_are_placed_with_its_conversations(string type, string key) =>
        Assert.Equal(PlacementKey.Of(new GrainId("conversation", "acme/c-42")), PlacementKey.Of(new GrainId(type, key)));

    [Fact]
    public void A_key_starting_with_a_slash_is_placed_by_the_whole_id() =>
        Assert.Equal("counter//c-1", PlacementKey.Of(new GrainId("counter", "/c-1")));
}
