using ContactOS.Runtime.Membership;
using static ContactOS.Cluster.Tests.Membership.Members;

namespace ContactOS.Cluster.Tests.Membership;

public sealed class ClusterViewTests
{
    [Fact]
    public void Publishes_newer_versions_only_and_tells_subscribers_what_changed()
    {
        var view = new ClusterView();
        var changes = new List<ClusterViewChangedEventArgs>();
        view.Changed += (_, change) => changes.Add(change);
        var first = Snapshot(3, Active("a:1"));
        var second = Snapshot(4, Active("a:1"), Active("b:1", epoch: 4));

        Assert.True(view.Publish(first));
        Assert.False(view.Publish(Snapshot(3)));
        Assert.True(view.Publish(second));
        Assert.False(view.Publish(first));

        Assert.Same(second, view.Current);
        Assert.Equal([(MembershipSnapshot.Empty, first), (first, second)], changes.Select(c => (c.Previous, c.Current)));
    }

    [Fact]
    public void Eviction_is_raised_once_and_stays()
    {
        var view = new ClusterView();
        var raised = 0;
        view.Changed += (_, _) => raised++;

        Assert.True(view.MarkEvicted());
        Assert.False(view.MarkEvicted());

        Assert.True(view.IsEvicted);
        Assert.Equal(1, raised);
    }
}
