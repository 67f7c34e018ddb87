using System.Text.Json.Nodes;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>
/// Which rollouts telemetry counts for: not drafts and aborted ones (never assigned, unassigned), a completed one until
/// a newer rollout of its Intune policy takes the assignments over, and a live one beside a completed one as before.
/// </summary>
public sealed class CountedRolloutsTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    [Fact]
    public async Task Reports_of_the_devices_of_an_aborted_or_a_draft_rollout_are_dropped()
    {
        var abortedRing = host.Graph.NewRing("Ring-aborted", 1);
        var draftRing = host.Graph.NewRing("Ring-draft", 0);
        var member = host.Graph.AddUserMember(draftRing.GroupId, "draft.user");
        var admin = host.Client();
        var aborted = await Plans.CreateAsync(admin, OneRing("WHfB aborted", abortedRing.GroupId));
        await admin.StartAsync(aborted);
        (await admin.ActAsync(aborted, "abort", new { reason = "wrong group" })).EnsureSuccessStatusCode();
        var draft = await Plans.CreateAsync(admin, OneRing("WHfB draft", draftRing.GroupId));

        var device = abortedRing.DeviceIds[0];
        var readiness = Telemetry.Readiness(device, ready: true);
        var registered = Telemetry.Registered(member.DeviceId, member.UserId);
        var gpo = Telemetry.PolicyState(device, PolicyHost.Start.AddMinutes(1), Telemetry.Gpo);
        var draftGpo = Telemetry.PolicyState(member.DeviceId, PolicyHost.Start.AddMinutes(1), Telemetry.Gpo);
        foreach (var message in new object[] { readiness, registered, gpo, draftGpo })
        {
            await host.PublishAsync(message);
        }

        await host.ProcessedAsync(readiness.Header.EventId, registered.Header.EventId, gpo.EventId, draftGpo.EventId);
        var abortedStatus = await admin.StatusAsync(aborted);
        Assert.Equal((1, 0), (abortedStatus.Ring(0).Int("devices"), abortedStatus.Ring(0).Int("prerequisitesPassed")));
        Assert.Empty(abortedStatus["gpoConflicts"]!.AsArray());
        var draftStatus = await admin.StatusAsync(draft);
        Assert.Equal((0, 0), (draftStatus.Ring(0).Int("devices"), draftStatus.Ring(0).Int("provisioned")));
        Assert.Empty(draftStatus["gpoConflicts"]!.AsArray());
        Assert.Empty(host.Events.Of<GpoConflictDetected>(aborted));
        Assert.Empty(host.Events.Of<GpoConflictDetected>(draft));
    }

    [Fact]
    public async Task A_newer_rollout_of_the_same_policy_takes_the_devices_of_a_completed_one_over_so_each_report_counts_once()
    {
        var ring = host.Graph.NewRing("Ring-again", 2);
        var admin = host.Client();
        var first = await Plans.CreateAsync(admin, OneRing("WHfB again", ring.GroupId));
        var policyId = await admin.StartAsync(first);
        await admin.OverrideAsync(first);
        var second = await Plans.CreateAsync(admin, OneRing("WHfB again", ring.GroupId));

        // A draft assigns nothing: the completed rollout's assignment stays, and so does its counting.
        await host.PublishAsync(Telemetry.Readiness(ring.DeviceIds[0], ready: true));
        await admin.CounterReachesAsync(first, 0, "prerequisitesPassed", 1);

        Assert.Null((await admin.StatusAsync(first))["assignmentsTakenOverBy"]);
        Assert.Equal(policyId, await admin.StartAsync(second));
        Assert.Equal(second, Guid.Parse((await admin.StatusAsync(first))["assignmentsTakenOverBy"]!.GetValue<string>()));
        Assert.Contains(await admin.AuditAsync(first), e => e!["action"]!.GetValue<string>() == "assignments taken over");
        var readiness = Telemetry.Readiness(ring.DeviceIds[1], ready: true);
        var gpo = Telemetry.PolicyState(ring.DeviceIds[1], PolicyHost.Start.AddMinutes(1), Telemetry.Gpo);
        await host.PublishAsync(readiness);
        await host.PublishAsync(gpo);
        await host.ProcessedAsync(readiness.Header.EventId, gpo.EventId);
        Assert.Equal((1, 1), (PassedOf(await admin.StatusAsync(first)), PassedOf(await admin.StatusAsync(second))));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<GpoConflictDetected>(second).Count == 1));
        Assert.Empty((await admin.StatusAsync(first))["gpoConflicts"]!.AsArray());
        Assert.Empty(host.Events.Of<GpoConflictDetected>(first));

        // Aborting the newer one removes the policy's assignments: the devices count for neither any more.
        (await admin.ActAsync(second, "abort", new { reason = "not now" })).EnsureSuccessStatusCode();
        Assert.Empty(host.Graph.AssignedGroups(policyId));
        var late = Telemetry.Readiness(ring.DeviceIds[0], ready: true, at: PolicyHost.Start.AddMinutes(5));
        await host.PublishAsync(late);
        await host.ProcessedAsync(late.Header.EventId);
        Assert.Equal((1, 1), (PassedOf(await admin.StatusAsync(first)), PassedOf(await admin.StatusAsync(second))));
    }

    [Fact]
    public async Task A_device_known_in_a_completed_rollout_still_joins_a_live_one_through_its_member_user()
    {
        var oldRing = host.Graph.NewRing("Ring-old", 0);
        var member = host.Graph.AddUserMember(oldRing.GroupId, "mover");
        var admin = host.Client();
        var completed = await Plans.CreateAsync(admin, OneRing("WHfB old", oldRing.GroupId));
        await admin.StartAsync(completed);
        await admin.OverrideAsync(completed);
        var unlisted = Guid.NewGuid();
        await host.PublishAsync(Telemetry.Registered(unlisted, member.UserId));
        await admin.CounterReachesAsync(completed, 0, "provisioned", 1);

        var newRing = host.Graph.NewRing("Ring-new", 1);
        host.Graph.Directory.AddMembers(newRing.GroupId.ToString(), member.UserId.ToString());
        var live = await Plans.CreateAsync(admin, OneRing("WHfB new", newRing.GroupId));
        await admin.StartAsync(live);
        await host.PublishAsync(Telemetry.Registered(unlisted, member.UserId));

        await admin.CounterReachesAsync(live, 0, "provisioned", 1);
        var liveRing = (await admin.StatusAsync(live)).Ring(0);
        Assert.Equal(3, liveRing.Int("devices"));
        var completedRing = (await admin.StatusAsync(completed)).Ring(0);
        Assert.Equal((2, 1), (completedRing.Int("devices"), completedRing.Int("provisioned")));
    }

    private static JsonObject OneRing(string name, Guid group) => Plans.Plan(name, "settingsCatalog", ("Pilot", group, Plans.Gate()));

    private static int PassedOf(JsonObject status) => status.Ring(0).Int("prerequisitesPassed");
}
