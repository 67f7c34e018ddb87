using Whfb.Simulator.Fleet;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Fleet;

public sealed class FleetBuilderTests
{
    [Fact]
    public void Demo_scenario_builds_5000_devices_in_three_rings_deterministically()
    {
        var scenario = ScenarioLoader.Load("demo");

        var first = FleetBuilder.Build(scenario, new TenantDirectory());
        var second = FleetBuilder.Build(scenario, new TenantDirectory());

        Assert.Equal(5000, first.Count);
        Assert.Equal([250, 1250, 3500], first.GroupBy(d => d.Ring).Select(g => g.Count()));
        Assert.Equal(6, first.Count(d => d.GpoConflict));
        Assert.Equal(5, first.Count(d => d.AdminSdHolder));
        Assert.InRange(first.Count(d => d.FailureCode is not null), 100, 200);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_another_fault_assignment()
    {
        var scenario = ScenarioLoader.Load("small");

        var a = FleetBuilder.Build(scenario, new TenantDirectory());
        var b = FleetBuilder.Build(scenario with { Seed = scenario.Seed + 1 }, new TenantDirectory());

        Assert.NotEqual(a.Select(d => d.User.Id), b.Select(d => d.User.Id));
    }

    [Fact]
    public void Ring_groups_hold_their_users_in_the_tenant()
    {
        var scenario = ScenarioLoader.Load("small");
        var directory = new TenantDirectory();

        var devices = FleetBuilder.Build(scenario, directory);
        var rings = FleetBuilder.RingGroupIds(scenario, directory);

        Assert.Equal(devices.Where(d => d.Ring == 1).Select(d => d.User.Id), directory.TransitiveMembers(rings[1]));
        Assert.Equal(40, directory.Users().Count);
        Assert.Equal(40, directory.Devices().Count);
    }
}
