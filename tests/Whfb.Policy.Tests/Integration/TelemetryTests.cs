using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.Contracts.Policy;
using Whfb.Policy.Tests.Support;
using Whfb.Testing;

namespace Whfb.Policy.Tests.Integration;

/// <summary>Lifecycle events into ring outcomes: matching by device or user, idempotence, ordering, GPO conflicts.</summary>
public sealed class TelemetryTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    [Fact]
    public async Task A_redelivered_event_is_applied_once_and_an_older_readiness_report_does_not_override_a_newer_one()
    {
        var (id, ring) = await StartedAsync("dup", 2);
        var admin = host.Client();
        var registered = Telemetry.Registered(ring[0]);
        await host.PublishAsync(registered);
        await host.PublishAsync(registered);
        var newer = Telemetry.Readiness(ring[1], ready: false, at: PolicyHost.Start.AddMinutes(5));
        var older = Telemetry.Readiness(ring[1], ready: true, at: PolicyHost.Start.AddMinutes(1));
        await host.PublishAsync(newer);
        await host.PublishAsync(older);

        await admin.CounterReachesAsync(id, 0, "provisioned", 1);
        // Wait for this test's own messages: other tests of the class share the inbox table.
        await Eventually.Async(async () => await host.InboxRowsAsync(registered.Header.EventId) == 1
            && await host.InboxRowsAsync(newer.Header.EventId) == 1 && await host.InboxRowsAsync(older.Header.EventId) == 1);
        var status = await admin.StatusAsync(id);
        Assert.Equal((1, 0, 2), (status.Ring(0).Int("provisioned"), status.Ring(0).Int("prerequisitesPassed"), status.Ring(0).Int("devices")));
    }

    [Fact]
    public async Task A_key_event_naming_only_a_user_counts_for_that_users_device_and_strangers_are_ignored()
    {
        var (id, ring) = await StartedAsync("user", 2);
        var admin = host.Client();
        var user = Guid.NewGuid();
        await host.PublishAsync(Telemetry.Registered(ring[0], user));
        await admin.CounterReachesAsync(id, 0, "provisioned", 1);

        await host.PublishAsync(Telemetry.Synced(user, device: null));
        await host.PublishAsync(Telemetry.Stuck(Guid.NewGuid(), device: null));
        await host.PublishAsync(Telemetry.Failed(Guid.NewGuid()));
        await admin.CounterReachesAsync(id, 0, "synced", 1);
        // Only now: applied first, this event would make ring[1] a device of the user too, and the user's synced key count there as well.
        await host.PublishAsync(Telemetry.Stuck(user, ring[1]));
        await admin.CounterReachesAsync(id, 0, "stuck", 1);
        var status = await admin.StatusAsync(id);
        Assert.Equal((2, 0), (status.Ring(0).Int("devices"), status.Ring(0).Int("failed")));
    }

    [Fact]
    public async Task Key_sync_events_count_in_the_order_they_happened_not_the_order_their_queues_deliver_them()
    {
        var (id, ring) = await StartedAsync("order", 3);
        var admin = host.Client();
        var (late, inOrder, stillStuck) = (Episode(ring[0]), Episode(ring[1]), Episode(ring[2]));

        // The recovery queue ran ahead of the stuck queue for the first device; the second came in order; the third never recovered.
        await host.PublishAsync(late.Recovered);
        await host.ProcessedAsync(late.Recovered.EventId);
        await host.PublishAsync(late.Stuck);
        await host.PublishAsync(inOrder.Stuck);
        await host.PublishAsync(stillStuck.Stuck);
        await host.ProcessedAsync(late.Stuck.EventId, inOrder.Stuck.EventId, stillStuck.Stuck.EventId);
        await host.PublishAsync(inOrder.Recovered);
        await host.ProcessedAsync(inOrder.Recovered.EventId);

        var status = await admin.StatusAsync(id);
        Assert.Equal((2, 1), (status.Ring(0).Int("synced"), status.Ring(0).Int("stuck")));
    }

    [Fact]
    public async Task Key_sync_events_arriving_together_are_applied_in_shared_transactions_each_once()
    {
        var (id, ring) = await StartedAsync("batched", 60);
        var stuck = ring.Select(device => Telemetry.Stuck(Guid.NewGuid(), device)).ToList();

        await host.Service.Services.GetRequiredService<IBus>().PublishAllAsync(stuck);
        await host.PublishAsync(stuck[0]);
        await host.ProcessedAsync([.. stuck.Select(m => m.EventId)]);

        await host.Client().CounterReachesAsync(id, 0, "stuck", 60);
        var ids = string.Join(",", stuck.Select(m => $"'{m.EventId}'"));
        Assert.Equal(60, await host.ScalarAsync($"SELECT count(*) FROM inbox_messages WHERE message_id IN ({ids})"));
        // Rows one transaction inserted share its xmin: one per message without batches.
        Assert.True(await host.ScalarAsync($"SELECT count(DISTINCT xmin::text) FROM inbox_messages WHERE message_id IN ({ids})") < 60);
    }

    [Fact]
    public async Task A_member_users_devices_are_in_the_ring_and_an_unlisted_device_of_theirs_joins_it()
    {
        var (id, member, start) = await StartedWithMemberAsync("users");
        var admin = host.Client();
        var started = await PolicyHost.ReadAsync(start);
        Assert.Equal(2, started.Ring(0).Int("devices"));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<RingAssigned>(id).Count == 1));
        Assert.Contains(member.DeviceId, host.Events.Of<RingAssigned>(id)[0].DeviceIds);

        var unlisted = Guid.NewGuid();
        await host.PublishAsync(Telemetry.Registered(unlisted, member.UserId));
        await host.PublishAsync(Telemetry.Registered(Guid.NewGuid(), Guid.NewGuid()));

        await admin.CounterReachesAsync(id, 0, "provisioned", 1);
        Assert.Equal(3, (await admin.StatusAsync(id)).Ring(0).Int("devices"));
    }

    [Fact]
    public async Task One_batch_with_several_events_of_an_unlisted_device_joins_it_once_and_applies_each_event_once()
    {
        var (id, member, _) = await StartedWithMemberAsync("batch");
        var admin = host.Client();
        var unlisted = Guid.NewGuid();
        var first = Telemetry.Registered(unlisted, member.UserId);

        await host.PublishAsync(new DeviceEventBatch<NgcKeyRegistered>([first, first, Telemetry.Registered(unlisted, member.UserId)]));

        await admin.CounterReachesAsync(id, 0, "provisioned", 1);
        await Eventually.Async(async () => await host.InboxRowsAsync(first.Header.EventId) == 1);
        Assert.Equal(3, (await admin.StatusAsync(id)).Ring(0).Int("devices"));
    }

    [Fact]
    public async Task Group_Policy_values_on_a_targeted_device_raise_one_conflict_listed_in_the_status_until_they_go()
    {
        var (id, ring) = await StartedAsync("gpo", 2);
        var admin = host.Client();
        var (gpo, mdm) = (Telemetry.Gpo, Telemetry.Mdm);
        await host.PublishAsync(Telemetry.PolicyState(ring[0], PolicyHost.Start.AddMinutes(1), gpo, mdm));
        await host.PublishAsync(Telemetry.PolicyState(ring[0], PolicyHost.Start.AddMinutes(2), gpo, mdm));
        await host.PublishAsync(Telemetry.PolicyState(ring[1], PolicyHost.Start.AddMinutes(1), mdm));

        await Eventually.Async(async () => (await admin.StatusAsync(id))["gpoConflicts"]!.AsArray().Count == 1);
        var conflict = (await admin.StatusAsync(id))["gpoConflicts"]![0]!;
        Assert.Equal(ring[0], Guid.Parse(conflict["deviceId"]!.GetValue<string>()));
        Assert.Equal(("computerGpo", "Enabled", "0"),
            (conflict["values"]![0]!["scope"]!.GetValue<string>(), conflict["values"]![0]!["name"]!.GetValue<string>(), conflict["values"]![0]!["value"]!.GetValue<string>()));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<GpoConflictDetected>(id).Count == 1));
        var detected = host.Events.Of<GpoConflictDetected>(id).Single();
        Assert.Equal((ring[0], 0), (detected.DeviceId, detected.Rollout.RingIndex!.Value));
        Assert.Equal([gpo], detected.Values);

        await host.PublishAsync(Telemetry.PolicyState(ring[0], PolicyHost.Start.AddMinutes(3), mdm));
        await Eventually.Async(() => Task.FromResult(host.Events.Of<GpoConflictResolved>(id).Count == 1));
        Assert.Empty((await admin.StatusAsync(id))["gpoConflicts"]!.AsArray());
        Assert.Single(host.Events.Of<GpoConflictDetected>(id));
    }

    /// <summary>A stuck episode of one device's key: detected after 2 h, the key seen in AD after 3 h.</summary>
    private static (KeySyncStuck Stuck, KeySyncRecovered Recovered) Episode(Guid device)
    {
        var stuck = Telemetry.Stuck(Guid.NewGuid(), device);
        var seen = stuck.DetectedAt.AddHours(1);
        return (stuck, new KeySyncRecovered(Guid.NewGuid(), stuck.Key, stuck.DetectedAt, seen, seen - stuck.Key.CreatedInEntraAt));
    }

    private async Task<(Guid Id, IReadOnlyList<Guid> Devices)> StartedAsync(string name, int devices)
    {
        var ring = host.Graph.NewRing($"Ring-{name}", devices);
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan($"WHfB {name}", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate(maxStuck: 5))));
        (await admin.ActAsync(id, "start")).EnsureSuccessStatusCode();
        return (id, ring.DeviceIds);
    }

    /// <summary>A one-ring rollout over a group of one device and one member user (with devices of their own), started.</summary>
    private async Task<(Guid Id, (Guid UserId, Guid DeviceId) Member, HttpResponseMessage Start)> StartedWithMemberAsync(string name)
    {
        var ring = host.Graph.NewRing($"Ring-{name}", 1);
        var member = host.Graph.AddUserMember(ring.GroupId, $"{name}.user");
        var admin = host.Client();
        var id = await Plans.CreateAsync(admin, Plans.Plan($"WHfB {name}", "settingsCatalog", ("Pilot", ring.GroupId, Plans.Gate())));
        return (id, member, await admin.ActAsync(id, "start"));
    }
}
