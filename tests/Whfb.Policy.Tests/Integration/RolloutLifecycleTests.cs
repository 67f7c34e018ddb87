using System.Net;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>Start, gates, automatic advance, halt, override, pause and abort against the Graph emulator and the real servers.</summary>
public sealed class RolloutLifecycleTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    [Fact]
    public async Task Start_assigns_the_first_ring_and_emits_RingAssigned_with_its_devices()
    {
        var (id, pilot, _) = await Plans.TwoRingsAsync(host, "start", "settingsCatalog", (3, Plans.Gate()), (2, Plans.Gate()));
        var admin = host.Client();

        var started = await admin.ActAsync(id, "start");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var status = await PolicyHost.ReadAsync(started);
        Assert.Equal("running", status.State());
        Assert.Equal(0, status.Int("currentRing"));
        Assert.Equal(3, status.Ring(0).Int("devices"));
        Assert.Equal("assigned", status.Ring(0)["state"]!.GetValue<string>());
        Assert.Equal("pending", status.Ring(1)["state"]!.GetValue<string>());
        var policyId = status["intunePolicyId"]!.GetValue<string>();
        Assert.Equal([pilot.GroupId], host.Graph.AssignedGroups(policyId));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RingAssigned>(id).Count == 1 && host.Events.Of<RolloutStarted>(id).Count == 1));
        var assigned = host.Events.Of<RingAssigned>(id).Single();
        Assert.Equal(pilot.DeviceIds.Order(), assigned.DeviceIds.Order());
        Assert.Equal((0, policyId, "admin@" + RolloutTenant.Tenant), (assigned.Rollout.RingIndex!.Value, assigned.IntunePolicyId, assigned.AssignedBy));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.ActAsync(id, "start")).StatusCode);
    }

    [Fact]
    public async Task Two_starts_at_once_make_one_policy_and_one_RingAssigned_and_the_other_start_is_a_conflict()
    {
        var pilot = host.Graph.NewRing("Pilot-race", 2);
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan("WHfB race", "settingsCatalog", ("Pilot", pilot.GroupId, Plans.Gate())));

        var answers = await Task.WhenAll(admin.ActAsync(id, "start"), host.Client().ActAsync(id, "start"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Single(host.Graph.Intune.ConfigurationPolicies.List(), p => p["name"]?.GetValue<string>() == "WHfB race");
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RingAssigned>(id).Count == 1));
        await Task.Delay(500);
        Assert.Single(host.Events.Of<RingAssigned>(id));
    }

    [Fact]
    public async Task A_passing_gate_advances_after_the_soak_and_assignments_accumulate_until_completed()
    {
        var (id, pilot, broad) = await Plans.TwoRingsAsync(host, "pass", "customOmaUri", (2, Plans.Gate(minPassed: 1)), (2, Plans.Gate(minPassed: 1)));
        var admin = host.Client();
        var policyId = (await PolicyHost.ReadAsync(await admin.ActAsync(id, "start")))["intunePolicyId"]!.GetValue<string>();
        foreach (var device in pilot.DeviceIds)
        {
            await host.PublishAsync(Telemetry.Readiness(device, ready: true));
        }

        await admin.CounterReachesAsync(id, 0, "prerequisitesPassed", 2);
        await host.EvaluateGatesAsync();
        var soaking = await admin.StatusAsync(id);
        Assert.Equal(0, soaking.Int("currentRing"));
        Assert.Contains("soaked", soaking.Ring(0)["verdict"]!["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await host.EvaluateGatesAsync();

        var advanced = await admin.StatusAsync(id);
        Assert.Equal(1, advanced.Int("currentRing"));
        Assert.Equal("passed", advanced.Ring(0)["state"]!.GetValue<string>());
        Assert.True(advanced.Ring(0)["verdict"]!["passed"]!.GetValue<bool>());
        Assert.Equal(new[] { pilot.GroupId, broad.GroupId }.Order(), host.Graph.AssignedGroups(policyId).Order());

        // The last ring completes on the timer of the gate loop (fake clock), not a direct call.
        foreach (var device in broad.DeviceIds)
        {
            await host.PublishAsync(Telemetry.Readiness(device, ready: true));
        }

        await admin.CounterReachesAsync(id, 1, "prerequisitesPassed", 2);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.Async(async () => (await admin.StatusAsync(id)).State() == "completed");
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RolloutCompleted>(id).Count == 1 && host.Events.Of<RingAdvanced>(id).Count == 2));
        Assert.Equal([0, 1], host.Events.Of<RingAdvanced>(id).Select(e => e.Rollout.RingIndex!.Value).Order());
        Assert.All(host.Events.Of<RingAdvanced>(id), e => Assert.Null(e.OverrideJustification));
        Assert.Equal(broad.DeviceIds.Order(), host.Events.Of<RingAssigned>(id).Single(e => e.Rollout.RingIndex == 1).DeviceIds.Order());
        Assert.Equal(2, host.Graph.AssignedGroups(policyId).Count);
    }
}
