using Microsoft.Extensions.Time.Testing;
using Whfb.Policy.Intune;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// Policy against the simulator's own fleet tenant (hybrid PCs without registered users, Intune primary users, rings of
/// users or of devices): the devices Policy resolves for a ring are that ring's PCs in Entra, and the assignment Policy
/// writes through Graph is what starts exactly those PCs in the fleet.
/// </summary>
public abstract class FleetRingTests(FleetRingTests.FleetTenant emulator)
{
    [Fact]
    public async Task The_ring_Policy_resolves_and_assigns_is_the_ring_the_fleet_starts()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();
        var ring0 = Guid.Parse(emulator.RingGroups[0]);
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, $"WHfB fleet {Guid.NewGuid():N}", IntunePolicyMode.SettingsCatalog,
            new WhfbSettings(true, true, WhfbScope.Device));

        var members = await host.Rings.ResolveAsync(ring0, caller, CancellationToken.None);
        var policy = (await host.Policies.EnsureAsync(spec, caller, CancellationToken.None)).Policy;
        await host.Policies.AssignAsync(policy, [ring0], caller, CancellationToken.None);
        var fleet = await emulator.StepAsync();

        var inRing0 = emulator.Devices.Where(d => d.Ring == 0).ToList();
        Assert.Equal(inRing0.Where(d => d.HybridJoined).Select(d => d.Device.DeviceId).Order(), members.DeviceIds.Order());
        Assert.Contains(inRing0, d => !d.HybridJoined);
        // A PC that is not hybrid joined is in no device group, but its user is in a user group.
        Assert.Equal(inRing0.Count(d => emulator.Members == RingMembers.Users || d.HybridJoined || d.GpoEnabled), fleet.Rings[0].PolicyReached);
        Assert.Equal(emulator.Devices.Count(d => d.Ring == 1 && d.GpoEnabled), fleet.Rings[1].PolicyReached);
    }

    /// <summary>The simulator's small scenario built into the emulated tenant, with some PCs not hybrid joined.</summary>
    public abstract class FleetTenant : GraphEmulator
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        public abstract RingMembers Members { get; }

        public IReadOnlyList<FleetDevice> Devices { get; private set; } = [];

        public IReadOnlyList<string> RingGroups { get; private set; } = [];

        private Scenario Scenario
        {
            get
            {
                var small = ScenarioLoader.Load("small");
                return small with { RingMembers = Members, Faults = small.Faults with { NotHybridJoined = 0.2 } };
            }
        }

        /// <summary>Steps the fleet past every sign-in delay; the fleet's numbers per ring.</summary>
        public async Task<FleetStats> StepAsync()
        {
            var scenario = Scenario;
            var simulation = new FleetSimulation(Devices, Directory, Methods, Intune, TenantId, scenario.Seed, _time);
            for (var step = 0; step < 6; step++)
            {
                await simulation.StepAsync(new CountingReportSink(), CancellationToken.None);
                _time.Advance(TimeSpan.FromSeconds(1));
            }

            return simulation.Stats(1, 0, [.. scenario.Rings.Select((r, i) => (r.Name, RingGroups[i]))]);
        }

        protected override void Seed(TenantDirectory directory, HelloMethodStore methods)
        {
            var scenario = Scenario;
            Devices = FleetBuilder.Build(scenario, directory, Intune);
            RingGroups = FleetBuilder.RingGroupIds(scenario, directory);
        }
    }

    public sealed class UserRings : FleetTenant
    {
        public override RingMembers Members => RingMembers.Users;
    }

    public sealed class DeviceRings : FleetTenant
    {
        public override RingMembers Members => RingMembers.Devices;
    }
}

public sealed class FleetUserRingTests(FleetRingTests.UserRings emulator) : FleetRingTests(emulator), IClassFixture<FleetRingTests.UserRings>;

public sealed class FleetDeviceRingTests(FleetRingTests.DeviceRings emulator) : FleetRingTests(emulator), IClassFixture<FleetRingTests.DeviceRings>;
