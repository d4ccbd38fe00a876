using ContactOS.Runtime.Membership;
using static ContactOS.Cluster.Tests.Membership.Members;

namespace ContactOS.Cluster.Tests.Membership;

public sealed class MembershipRulesTests
{
    [Fact]
    public void A_silo_joins_an_empty_cluster_active_with_the_next_version_as_its_epoch()
    {
        var snapshot = Snapshot(7);

        var join = MembershipRules.Join(snapshot, "10.0.0.1:5080", "silo-1", SiloRoles.Worker, DeathTimeout);

        Assert.Null(join.Previous);
        Assert.Equal(new ClusterMember("10.0.0.1:5080", "silo-1", SiloRoles.Worker, MemberStatus.Active, 8, Now, Now), join.Next);
    }

    [Fact]
    public void A_live_silo_keeps_its_address_from_a_second_silo()
    {
        var holder = Active("10.0.0.1:5080", heartbeatAge: DeathTimeout);
        var snapshot = Snapshot(3, holder);

        Assert.Equal(holder, MembershipRules.FindLiveHolder(snapshot, "10.0.0.1:5080", DeathTimeout));
        Assert.Throws<InvalidOperationException>(() => MembershipRules.Join(snapshot, "10.0.0.1:5080", "again", SiloRoles.Both, DeathTimeout));
        Assert.Null(MembershipRules.FindLiveHolder(snapshot, "10.0.0.2:5080", DeathTimeout));
    }

    [Theory]
    [InlineData(MemberStatus.Left)]
    [InlineData(MemberStatus.Dead)]
    public void An_address_whose_silo_left_or_died_is_joined_again_with_a_newer_epoch(MemberStatus status)
    {
        var previous = Active("10.0.0.1:5080", epoch: 2) with { Status = status };
        var snapshot = Snapshot(5, previous);

        var join = MembershipRules.Join(snapshot, "10.0.0.1:5080", "restarted", SiloRoles.Both, DeathTimeout);

        Assert.Equal(previous, join.Previous);
        Assert.Equal(MemberStatus.Active, join.Next.Status);
        Assert.Equal(6, join.Next.Epoch);
    }

    [Fact]
    public void An_active_row_past_the_death_timeout_no_longer_holds_its_address()
    {
        var crashed = Active("10.0.0.1:5080", heartbeatAge: DeathTimeout + TimeSpan.FromMilliseconds(1));
        var snapshot = Snapshot(4, crashed);

        Assert.Null(MembershipRules.FindLiveHolder(snapshot, crashed.Address, DeathTimeout));
        Assert.Equal(crashed, MembershipRules.Join(snapshot, crashed.Address, "restarted", SiloRoles.Both, DeathTimeout).Previous);
    }

    [Fact]
    public void Only_other_active_silos_past_the_death_timeout_are_declared_dead()
    {
        var self = Active("a:1", heartbeatAge: TimeSpan.FromMinutes(1));
        var overdue = Active("b:1", heartbeatAge: DeathTimeout + TimeSpan.FromMilliseconds(1));
        var atTheLimit = Active("c:1", heartbeatAge: DeathTimeout);
        var fresh = Active("d:1");
        var left = Active("e:1", heartbeatAge: TimeSpan.FromMinutes(5)) with { Status = MemberStatus.Left };
        var dead = Active("f:1", heartbeatAge: TimeSpan.FromMinutes(5)) with { Status = MemberStatus.Dead };
        var snapshot = Snapshot(9, self, overdue, atTheLimit, fresh, left, dead);

        var updates = MembershipRules.DeclareOverdueDead(snapshot, self.Address, DeathTimeout);

        var update = Assert.Single(updates);
        Assert.Equal(overdue, update.Previous);
        Assert.Equal(overdue with { Status = MemberStatus.Dead }, update.Next);
    }

    [Fact]
    public void A_silo_leaves_only_its_own_active_incarnation()
    {
        var self = Active("a:1", epoch: 4);
        var stillActive = Snapshot(6, self);
        var replaced = Snapshot(7, self with { Epoch = 7 });
        var declaredDead = Snapshot(7, self with { Status = MemberStatus.Dead });

        var leave = MembershipRules.Leave(stillActive, self);

        Assert.Equal(new MemberUpdate(self, self with { Status = MemberStatus.Left }), leave);
        Assert.Null(MembershipRules.Leave(replaced, self));
        Assert.Null(MembershipRules.Leave(declaredDead, self));
    }

    [Fact]
    public void A_silo_is_evicted_once_its_row_is_dead_replaced_or_gone_but_not_while_active()
    {
        var self = Active("a:1", epoch: 4);

        Assert.False(MembershipRules.IsEvicted(Snapshot(4, self), self));
        Assert.True(MembershipRules.IsEvicted(Snapshot(5, self with { Status = MemberStatus.Dead }), self));
        Assert.True(MembershipRules.IsEvicted(Snapshot(5, self with { Status = MemberStatus.Left }), self));
        Assert.True(MembershipRules.IsEvicted(Snapshot(5, self with { Epoch = 5 }), self));
        Assert.True(MembershipRules.IsEvicted(Snapshot(5), self));
    }
}
