using System.Net;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>A bad ring halts once; an operator override advances with a recorded justification; pause holds; abort unassigns.</summary>
public sealed class HaltOverrideAbortTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    private static readonly string Admin = "admin@" + RolloutTenant.Tenant;

    [Fact]
    public async Task A_failing_gate_halts_once_with_its_reason_and_an_override_with_justification_advances()
    {
        var (id, pilot, _) = await Plans.TwoRingsAsync(host, "halt", "settingsCatalog", (4, Plans.Gate(maxFailed: 0.1)), (1, Plans.Gate()));
        var admin = host.Client();
        await admin.ActAsync(id, "start");
        await host.PublishAsync(Telemetry.Failed(pilot.DeviceIds[0]));
        await host.PublishAsync(Telemetry.Failed(pilot.DeviceIds[1]));
        await admin.CounterReachesAsync(id, 0, "failed", 2);

        // Breached before the soak ends: halts at once; later passes and ticks do not halt again.
        await host.EvaluateGatesAsync();
        host.Time.Advance(PolicyHost.GateInterval);
        await host.EvaluateGatesAsync();
        var halted = await admin.StatusAsync(id);
        Assert.Equal("halted", halted.State());
        Assert.Contains("provisioning failed on 2 of 4 devices (50%", halted["haltReason"]!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RolloutHalted>(id).Count == 1));
        await Task.Delay(1000);
        var halt = Assert.Single(host.Events.Of<RolloutHalted>(id));
        Assert.Equal((0, 0.5), (halt.Rollout.RingIndex!.Value, halt.Verdict.ProvisioningFailureShare));
        Assert.Empty(host.Events.Of<RingAdvanced>(id));

        var refused = await admin.ActAsync(id, "advance");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var overridden = await admin.ActAsync(id, "advance", new { justification = "Failures are the known MFA prompt; fixed by CA policy" });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);

        var status = await PolicyHost.ReadAsync(overridden);
        Assert.Equal(("running", 1), (status.State(), status.Int("currentRing")));
        Assert.Equal("overridden", status.Ring(0)["state"]!.GetValue<string>());
        Assert.Equal("Failures are the known MFA prompt; fixed by CA policy", status.Ring(0)["overrideJustification"]!.GetValue<string>());
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RingAdvanced>(id).Count == 1 && host.Events.Of<RolloutResumed>(id).Count == 1));
        var advanced = host.Events.Of<RingAdvanced>(id).Single();
        Assert.Equal(("Failures are the known MFA prompt; fixed by CA policy", Admin), (advanced.OverrideJustification, advanced.By));
        Assert.False(advanced.Verdict.Passed);
        var audit = await admin.AuditAsync(id);
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "halt" && e["actor"]!.GetValue<string>() == "policy-gate");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "override" && e["actor"]!.GetValue<string>() == Admin
            && e["detail"]!.GetValue<string>().StartsWith("Failures are", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paused_rollout_does_not_advance_until_resumed()
    {
        var (id, pilot, _) = await Plans.TwoRingsAsync(host, "pause", "settingsCatalog", (1, Plans.Gate(soak: "00:05:00")), (1, Plans.Gate()));
        var admin = host.Client();
        await admin.ActAsync(id, "start");
        await host.PublishAsync(Telemetry.Readiness(pilot.DeviceIds[0], ready: true));
        await admin.CounterReachesAsync(id, 0, "prerequisitesPassed", 1);

        Assert.Equal(HttpStatusCode.OK, (await admin.ActAsync(id, "pause")).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(6));
        await host.EvaluateGatesAsync();
        var paused = await admin.StatusAsync(id);
        Assert.Equal(("paused", 0), (paused.State(), paused.Int("currentRing")));

        Assert.Equal(HttpStatusCode.OK, (await admin.ActAsync(id, "resume")).StatusCode);
        await host.EvaluateGatesAsync();
        var resumed = await admin.StatusAsync(id);
        Assert.Equal(("running", 1), (resumed.State(), resumed.Int("currentRing")));
    }

    [Fact]
    public async Task Abort_removes_every_assignment_of_the_policy()
    {
        var (id, _, _) = await Plans.TwoRingsAsync(host, "abort", "customOmaUri", (1, Plans.Gate()), (1, Plans.Gate()));
        var admin = host.Client();
        var policyId = (await PolicyHost.ReadAsync(await admin.ActAsync(id, "start")))["intunePolicyId"]!.GetValue<string>();
        await admin.ActAsync(id, "advance", new { justification = "pilot looked fine by hand" });
        Assert.Equal(2, host.Graph.AssignedGroups(policyId).Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.ActAsync(id, "abort", new { })).StatusCode);
        var aborted = await admin.ActAsync(id, "abort", new { reason = "Help desk overloaded" });

        Assert.Equal(HttpStatusCode.OK, aborted.StatusCode);
        Assert.Equal("aborted", (await PolicyHost.ReadAsync(aborted)).State());
        Assert.Empty(host.Graph.AssignedGroups(policyId));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RolloutAborted>(id).Count == 1));
        Assert.Equal(("Help desk overloaded", Admin), (host.Events.Of<RolloutAborted>(id)[0].Reason, host.Events.Of<RolloutAborted>(id)[0].By));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.ActAsync(id, "resume")).StatusCode);
    }
}
