using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;
using static Whfb.SyncTracker.Tests.Support.SyncTrackerHost;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>Graph lists keys without devices: the service looks a device up (single GET, $expand=device) only where it tells keys apart.</summary>
public sealed class GraphDeviceLookupTests
{
    [Fact]
    public async Task Keys_of_two_devices_created_minutes_apart_are_looked_up_once_and_each_syncs_with_its_own_AD_value()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var adUser = await ou.NewUserAsync("two");
        var entraUser = graph.HybridUser(adUser);
        var laptop = graph.AddKey(entraUser, Start.AddMinutes(-30));
        var desktop = graph.AddKey(entraUser, Start.AddMinutes(-27));
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(ou));
        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        await Eventually.Async(async () => await host.ScalarAsync($"SELECT count(*) FROM tracked_keys WHERE state = 'AwaitingAd' AND " +
            $"((entra_key_id = '{laptop.Id}' AND device_id = '{laptop.DeviceId}') OR (entra_key_id = '{desktop.Id}' AND device_id = '{desktop.DeviceId}'))") == 2, Patience);
        Assert.Equal(2, traffic.DeviceLookups);

        // The pending re-check lists the user again: devices once known are not asked again.
        var batches = traffic.Batches;
        await host.AdvanceAsync(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(traffic.Batches > batches), Patience);
        Assert.Equal(2, traffic.DeviceLookups);

        // By creation time alone the laptop's value (2 min from its key, 1 min from the desktop's) would go to the desktop key.
        await ou.AddKeyAsync(adUser, laptop.DeviceId, Start.AddMinutes(-28));
        await ou.AddKeyAsync(adUser, desktop.DeviceId, Start.AddMinutes(-27));
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 2), Patience);

        Assert.Equal(1, await host.ScalarAsync(OwnValue(laptop.Id, Start.AddMinutes(-28))));
        Assert.Equal(1, await host.ScalarAsync(OwnValue(desktop.Id, Start.AddMinutes(-27))));
        Assert.Equal(2, await host.ScalarAsync("SELECT count(*) FROM tracked_keys"));
    }

    [Fact]
    public async Task Users_with_one_key_cost_no_lookup_whether_their_AD_value_device_event_or_Graph_key_came_first()
    {
        await using var emulator = await EmulatorScope<LiveReportEmulator>.StartAsync(new LiveReportEmulator());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var ad = new[] { await ou.NewUserAsync("adf"), await ou.NewUserAsync("grf"), await ou.NewUserAsync("dvf") };
        var entra = ad.Select(u => graph.HybridUser(u)).ToArray();
        var created = Start.AddMinutes(-5);
        var (adFirst, deviceFirst) = (Guid.NewGuid(), Guid.NewGuid());
        await ou.AddKeyAsync(ad[0], adFirst, created);
        var graphFirst = graph.AddKey(entra[1], created);
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(ou, new()
        {
            ["SyncTracker:Graph:SettledRecheckInterval"] = "00:15:00",
        }));
        await host.PublishAsync(Registration(TenantA, deviceFirst, Guid.Parse(entra[2].Id), created.AddSeconds(2)));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'Unmatched'") == 1
            && await host.ScalarAsync($"SELECT count(*) FROM tracked_keys WHERE entra_key_id = '{graphFirst.Id}'") == 1
            && await host.ScalarAsync($"SELECT count(*) FROM tracked_keys WHERE device_id = '{deviceFirst}'") == 1, Patience);

        // Graph lists the AD-first and device-first keys at the next full inventory (the report refreshed meanwhile); the
        // graph-first key's device event comes now.
        graph.AddKey(entra[0], created, adFirst);
        graph.AddKey(entra[2], created, deviceFirst);
        await host.PublishAsync(Registration(TenantA, graphFirst.DeviceId, Guid.Parse(entra[1].Id), created.AddSeconds(2)));
        await ou.AddKeyAsync(ad[1], graphFirst.DeviceId, created);
        await ou.AddKeyAsync(ad[2], deviceFirst, created);
        await host.AdvanceAsync(TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM tracked_keys WHERE state = 'Synced' AND entra_key_id IS NOT NULL AND device_id IS NOT NULL") == 3, Patience);

        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 3), Patience);

        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM tracked_keys"));
        Assert.Equal(2, await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE device_key_id IS NOT NULL"));
        Assert.Equal(0, host.Service.Services.GetRequiredService<GraphTraffic>().DeviceLookups);
    }

    [Fact]
    public async Task Key_of_a_user_out_of_sync_scope_has_its_device_looked_up_before_it_is_stuck_and_the_stuck_event_carries_it()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        var method = graph.AddKey(graph.CloudUser($"scope-{Guid.NewGuid():N}@contoso.example"), Start);
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings());
        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        var known = $"SELECT count(*) FROM tracked_keys WHERE entra_key_id = '{method.Id}' AND device_id = '{method.DeviceId}' AND device_looked_up";
        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM tracked_keys WHERE state = 'AwaitingAd' AND entra_key_id = '{method.Id}' AND device_id IS NULL") == 1, Patience);

        // Pending re-checks every 10 minutes: the one after the key waited a cycle (30 minutes) asks for its device.
        await host.AdvanceAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));
        Assert.Equal(0, traffic.DeviceLookups);
        await host.AdvanceAsync(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync(known) == 1, Patience);
        Assert.Equal(1, traffic.DeviceLookups);

        // Stuck at 2 cycles + 15 minutes; the re-checks meanwhile do not ask again.
        await host.AdvanceAsync(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySyncStuck>() == 1), Patience);
        var stuck = host.Events.Received.OfType<KeySyncStuck>().Single();
        Assert.Equal((method.DeviceId, method.Id), (stuck.Key.DeviceId, stuck.Key.EntraKeyId));
        Assert.Equal([StuckKeyHint.UserOutOfSyncScope], stuck.Hints);
        Assert.Equal(1, traffic.DeviceLookups);
    }

    private static string OwnValue(string methodId, DateTimeOffset adCreated) =>
        $"SELECT count(*) FROM tracked_keys WHERE state = 'Synced' AND entra_key_id = '{methodId}' AND ad_created_at = '{adCreated:O}'";
}
