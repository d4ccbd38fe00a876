using ContactOS.Runtime;
using ContactOS.Runtime.Membership;
using ContactOS.Runtime.Placement;
using static ContactOS.Cluster.Tests.Membership.Members;

namespace ContactOS.Cluster.Tests.Placement;

public sealed class RendezvousPlacementDirectorTests
{
    private const int TenantCount = 10_000;

    private static readonly string[] s_tenants = [.. Enumerable.Range(0, TenantCount).Select(i => $"tenant-{i}")];

    [Fact]
    public void Ten_thousand_tenants_spread_evenly_over_three_silos()
    {
        var director = Director(Active("10.0.0.1:5080"), Active("10.0.0.2:5080"), Active("10.0.0.3:5080"));

        var counts = s_tenants.GroupBy(tenant => director.OwnerOf(tenant)!.Address).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, counts.Count);
        // A fair split is 3,333 each, with a standard deviation of about 47: 10 % off would be a broken hash.
        Assert.All(counts.Values, count => Assert.InRange(count, 3_000, 3_667));
    }

    [Fact]
    public void A_fourth_silo_takes_about_a_quarter_of_the_tenants_and_no_other_tenant_moves()
    {
        var three = new[] { Active("10.0.0.1:5080"), Active("10.0.0.2:5080"), Active("10.0.0.3:5080") };
        var before = Owners(Director(three));
        var after = Owners(Director([.. three, Active("10.0.0.4:5080")]));

        var moved = s_tenants.Where(tenant => before[tenant] != after[tenant]).ToList();

        Assert.All(moved, tenant => Assert.Equal("10.0.0.4:5080", after[tenant]));
        Assert.InRange(moved.Count, TenantCount / 4 - 300, TenantCount / 4 + 300);
    }

    [Fact]
    public void When_a_silo_leaves_only_its_tenants_move_and_they_spread_over_the_others()
    {
        var four = new[] { Active("10.0.0.1:5080"), Active("10.0.0.2:5080"), Active("10.0.0.3:5080"), Active("10.0.0.4:5080") };
        var before = Owners(Director(four));
        var after = Owners(Director([.. four[..3], four[3] with { Status = MemberStatus.Left }]));

        var moved = s_tenants.Where(tenant => before[tenant] != after[tenant]).ToList();

        Assert.Equal(s_tenants.Where(tenant => before[tenant] == "10.0.0.4:5080"), moved);
        Assert.Equal(3, moved.Select(tenant => after[tenant]).Distinct().Count());
    }

    [Fact]
    public void A_tenants_grains_share_one_owner()
    {
        var director = Director(Active("10.0.0.1:5080"), Active("10.0.0.2:5080"), Active("10.0.0.3:5080"));

        var owners = new[] { new GrainId("tenant", "acme/today"), new GrainId("conversation", "acme/c-1"), new GrainId("agent", "acme/a-7") }
            .Select(grain => director.OwnerOf(grain)!.Address);

        Assert.Single(owners.Distinct());
    }

    [Fact]
    public void Every_silo_names_the_same_owner_whatever_order_it_read_the_rows_in()
    {
        var members = new[] { Active("10.0.0.1:5080"), Active("10.0.0.2:5080"), Active("10.0.0.3:5080") };
        var ordered = Director(members);
        var reversed = new RendezvousPlacementDirector(ViewOf(new MembershipSnapshot(1, Now, [.. members.Reverse()])), "10.0.0.1:5080");

        Assert.All(s_tenants.Take(1_000), tenant => Assert.Equal(ordered.OwnerOf(tenant), reversed.OwnerOf(tenant)));
    }

    [Fact]
    public void Front_silos_and_silos_that_left_or_died_own_no_grains()
    {
        var worker = Active("10.0.0.1:5080", roles: SiloRoles.Worker);
        var director = Director(
            worker,
            Active("10.0.0.2:5080", roles: SiloRoles.Front),
            Active("10.0.0.3:5080") with { Status = MemberStatus.Left },
            Active("10.0.0.4:5080") with { Status = MemberStatus.Dead });

        Assert.All(s_tenants.Take(1_000), tenant => Assert.Equal(worker, director.OwnerOf(tenant)));
    }

    [Fact]
    public void Without_an_active_worker_no_silo_owns_a_grain()
    {
        var director = Director(Active("10.0.0.1:5080", roles: SiloRoles.Front));

        Assert.Null(director.OwnerOf(new GrainId("tenant", "acme/today")));
    }

    [Fact]
    public void The_owner_follows_the_view_to_its_next_version()
    {
        var view = ViewOf(Snapshot(1, Active("10.0.0.1:5080")));
        var director = new RendezvousPlacementDirector(view, "10.0.0.2:5080");
        Assert.Equal("10.0.0.1:5080", director.OwnerOf("acme")!.Address);
        Assert.False(director.IsLocal("acme"));

        view.Publish(Snapshot(2, Active("10.0.0.1:5080") with { Status = MemberStatus.Dead }, Active("10.0.0.2:5080", epoch: 2)));

        Assert.Equal("10.0.0.2:5080", director.OwnerOf("acme")!.Address);
        Assert.True(director.IsLocal("acme"));
    }

    [Fact]
    public void A_silo_runs_exactly_the_grains_it_owns_and_none_once_evicted()
    {
        var view = ViewOf(Snapshot(1, Active("10.0.0.1:5080"), Active("10.0.0.2:5080")));
        var first = new RendezvousPlacementDirector(view, "10.0.0.1:5080");
        var second = new RendezvousPlacementDirector(view, "10.0.0.2:5080");
        var grains = s_tenants.Take(1_000).Select(tenant => new GrainId("tenant", tenant)).ToList();
        Assert.All(grains, grain => Assert.True(first.IsLocal(grain) ^ second.IsLocal(grain)));
        var mine = grains.Where(first.IsLocal).ToList();
        Assert.InRange(mine.Count, 400, 600);

        view.MarkEvicted();

        Assert.All(mine, grain => Assert.False(first.IsLocal(grain)));
    }

    private static RendezvousPlacementDirector Director(params ClusterMember[] members) =>
        new(ViewOf(Snapshot(1, members)), members[0].Address);

    private static ClusterView ViewOf(MembershipSnapshot snapshot)
    {
        var view = new ClusterView();
        view.Publish(snapshot);
        return view;
    }

    private static Dictionary<string, string> Owners(RendezvousPlacementDirector director) =>
        s_tenants.ToDictionary(tenant => tenant, tenant => director.OwnerOf(tenant)!.Address);
}
