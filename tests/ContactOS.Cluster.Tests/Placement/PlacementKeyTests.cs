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
    [InlineData("counter", "c-1", "counter/c-1")]
    [InlineData("counter", "/c-1", "counter//c-1")]
    public void Any_other_grain_is_placed_by_its_whole_id(string type, string key, string expected) =>
        Assert.Equal(expected, PlacementKey.Of(new GrainId(type, key)));
}
