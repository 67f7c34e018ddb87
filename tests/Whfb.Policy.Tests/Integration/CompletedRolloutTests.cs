using System.Net;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>
/// A completed rollout stays assigned: telemetry of its devices arriving afterwards still counts and a GPO conflict on
/// them is flagged as during the rollout, while the gate loop no longer changes the rollout.
/// </summary>
public sealed class CompletedRolloutTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    [Fact]
    public async Task The_last_rings_reports_after_completion_count_and_a_GPO_conflict_then_is_flagged_as_during_the_rollout()
    {
        var (id, pilot, broad) = await Plans.TwoRingsAsync(host, "late", "settingsCatalog", (1, Plans.Gate()), (3, Plans.Gate(minPassed: 0.6)));
        var admin = host.Client();
        var policyId = await admin.StartAsync(id);
        await admin.OverrideAsync(id);
        await host.PublishAsync(Telemetry.Readiness(broad.DeviceIds[0], ready: true));
        await host.PublishAsync(Telemetry.Readiness(broad.DeviceIds[1], ready: true));
        await admin.CounterReachesAsync(id, 1, "prerequisitesPassed", 2);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await host.EvaluateGatesAsync();
        var completed = await admin.StatusAsync(id);
        Assert.Equal("completed", completed.State());
        Assert.Equal(new[] { pilot.GroupId, broad.GroupId }.Order(), host.Graph.AssignedGroups(policyId).Order());

        await host.PublishAsync(Telemetry.Readiness(broad.DeviceIds[2], ready: true));
        foreach (var device in broad.DeviceIds)
        {
            await host.PublishAsync(Telemetry.Registered(device));
            await host.PublishAsync(Telemetry.Synced(Guid.NewGuid(), device));
        }

        await host.PublishAsync(Telemetry.PolicyState(broad.DeviceIds[1], PolicyHost.Start.AddMinutes(20), Telemetry.Gpo, Telemetry.Mdm));

        await admin.CounterReachesAsync(id, 1, "synced", 3);
        await admin.CounterReachesAsync(id, 1, "provisioned", 3);
        await admin.CounterReachesAsync(id, 1, "prerequisitesPassed", 3);
        await Eventually.Async(() => Task.FromResult(host.Events.Of<GpoConflictDetected>(id).Count == 1));
        var detected = host.Events.Of<GpoConflictDetected>(id).Single();
        Assert.Equal((broad.DeviceIds[1], 1, broad.GroupId), (detected.DeviceId, detected.Rollout.RingIndex!.Value, detected.Rollout.RingGroupId!.Value));
        Assert.Equal([Telemetry.Gpo], detected.Values);
        var status = await admin.StatusAsync(id);
        Assert.Equal("completed", status.State());
        var conflict = Assert.Single(status["gpoConflicts"]!.AsArray())!;
        Assert.Equal((broad.DeviceIds[1], 1), (Guid.Parse(conflict["deviceId"]!.GetValue<string>()), conflict.AsObject().Int("ringIndex")));
        // The verdict the ring was left with stays as it was (2 of 3 devices ready then).
        Assert.Equal(completed.Ring(1)["verdict"]!.ToJsonString(), status.Ring(1)["verdict"]!.ToJsonString());

        await host.PublishAsync(Telemetry.PolicyState(broad.DeviceIds[1], PolicyHost.Start.AddMinutes(30), Telemetry.Mdm));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<GpoConflictResolved>(id).Count == 1));
        Assert.Empty((await admin.StatusAsync(id))["gpoConflicts"]!.AsArray());
    }

    [Fact]
    public async Task The_gate_loop_leaves_a_completed_rollout_alone_even_when_its_telemetry_would_halt_a_running_one()
    {
        var ring = host.Graph.NewRing("Ring-done", 2);
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan("WHfB done", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate(maxFailed: 0.1, maxStuck: 0))));
        await admin.StartAsync(id);
        var completed = await admin.OverrideAsync(id);
        var rowVersion = await RowVersionAsync(id);
        var audited = (await admin.AuditAsync(id)).Count;
        foreach (var device in ring.DeviceIds)
        {
            await host.PublishAsync(Telemetry.Failed(device));
            await host.PublishAsync(Telemetry.Stuck(Guid.NewGuid(), device));
        }

        await admin.CounterReachesAsync(id, 0, "failed", 2);
        await admin.CounterReachesAsync(id, 0, "stuck", 2);
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.EvaluateGatesAsync();
        await host.EvaluateGatesAsync();

        var status = await admin.StatusAsync(id);
        Assert.Equal(("completed", 0, "overridden"), (status.State(), status.Int("currentRing"), status.Ring(0)["state"]!.GetValue<string>()));
        Assert.Null(status["haltReason"]);
        Assert.Equal(completed["updatedAt"]!.GetValue<string>(), status["updatedAt"]!.GetValue<string>());
        Assert.Equal(completed.Ring(0)["verdict"]!.ToJsonString(), status.Ring(0)["verdict"]!.ToJsonString());
        Assert.Equal(rowVersion, await RowVersionAsync(id));
        Assert.Equal(audited, (await admin.AuditAsync(id)).Count);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.ActAsync(id, "advance", new { justification = "again" })).StatusCode);
        await Task.Delay(500);
        Assert.Empty(host.Events.Of<RolloutHalted>(id));
        Assert.Single(host.Events.Of<RolloutCompleted>(id));
    }

    /// <summary>The rollout row's xmin: any write to the row changes it.</summary>
    private Task<long> RowVersionAsync(Guid id) => host.ScalarAsync($"SELECT xmin::text::bigint FROM rollouts WHERE id = '{id}'");
}
