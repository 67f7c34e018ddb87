using Microsoft.Extensions.Time.Testing;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Fleet;

public sealed class FleetBuilderTests
{
    [Fact]
    public void Demo_scenario_builds_5000_devices_in_three_rings_deterministically()
    {
        var scenario = ScenarioLoader.Load("demo");

        var first = FleetBuilder.Build(scenario, new TenantDirectory(), Intune());
        var second = FleetBuilder.Build(scenario, new TenantDirectory(), Intune());

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

        var a = FleetBuilder.Build(scenario, new TenantDirectory(), Intune());
        var b = FleetBuilder.Build(scenario with { Seed = scenario.Seed + 1 }, new TenantDirectory(), Intune());

        Assert.NotEqual(a.Select(d => d.User.Id), b.Select(d => d.User.Id));
    }

    [Fact]
    public void Ring_groups_hold_their_users_in_the_tenant()
    {
        var scenario = ScenarioLoader.Load("small");
        var directory = new TenantDirectory();

        var devices = FleetBuilder.Build(scenario, directory, Intune());
        var rings = FleetBuilder.RingGroupIds(scenario, directory);

        Assert.Equal(devices.Where(d => d.Ring == 1).Select(d => d.User.Id), directory.TransitiveMembers(rings[1]));
        Assert.Equal(40, directory.Users().Count);
        Assert.Equal(40, directory.Devices().Count);
    }

    [Fact]
    public void Hybrid_PCs_have_no_registered_user_but_an_Intune_primary_user_and_device_rings_hold_the_PCs_in_Entra()
    {
        var small = ScenarioLoader.Load("small");
        var scenario = small with { RingMembers = RingMembers.Devices, Faults = small.Faults with { NotHybridJoined = 0.3 } };
        var (directory, intune) = (new TenantDirectory(), Intune());

        var devices = FleetBuilder.Build(scenario, directory, intune);

        Assert.All(directory.Devices(), d => Assert.Null(d.RegisteredUserId));
        Assert.All(directory.Devices(), d => Assert.Equal("ServerAd", d.TrustType));
        Assert.All(devices, d => Assert.Equal(d.Device.DisplayName, Assert.Single(intune.ManagedDevices.OfUser(d.User.Id)).DeviceName));
        var joined = devices.First(d => d.HybridJoined);
        Assert.Equal(joined.Device.DeviceId, intune.ManagedDevices.OfUser(joined.User.Id)[0].AzureAdDeviceId);
        var notJoined = devices.Where(d => !d.HybridJoined).ToList();
        Assert.NotEmpty(notJoined);
        Assert.All(notJoined, d => Assert.Equal(Guid.Empty, intune.ManagedDevices.OfUser(d.User.Id)[0].AzureAdDeviceId));
        var rings = FleetBuilder.RingGroupIds(scenario, directory);
        Assert.Equal(devices.Where(d => d.Ring == 0 && d.HybridJoined).Select(d => d.Device.Id), directory.TransitiveMembers(rings[0]));
        Assert.Equal(devices.Count(d => d.HybridJoined), directory.Devices().Count);
    }

    private static IntuneStore Intune() => new(new FakeTimeProvider());
}
