using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>The real service taking its Entra side from the Graph emulator (real GraphServiceClient over https) and its AD side from Samba.</summary>
public sealed class GraphInventoryTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;
    private static readonly TimeSpan Patience = SyncTrackerHost.Patience;

    [Fact]
    public async Task Key_known_from_Graph_alone_syncs_when_Entra_Connect_writes_it_and_the_user_matches_by_immutableId_despite_another_UPN()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var adUser = await ou.NewUserAsync("gr");
        var entraUser = graph.HybridUser(adUser, upn: $"renamed-{Guid.NewGuid():N}@contoso.example");
        var method = graph.AddKey(entraUser, Start.AddMinutes(-5));
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(ou));
        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM tracked_keys WHERE state = 'AwaitingAd' AND entra_key_id = '{method.Id}' AND device_id IS NULL") == 1, Patience);

        await ou.AddKeyAsync(adUser, method.DeviceId, method.CreatedDateTime);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 1), Patience);

        var synced = host.Events.Received.OfType<KeySynced>().Single();
        Assert.Equal(method.DeviceId, synced.Key.DeviceId); // from the AD value: Graph's list has no device, and one key needs no lookup
        Assert.Equal(method.Id, synced.Key.EntraKeyId);
        Assert.Equal(Guid.Parse(entraUser.Id), synced.Key.UserId);
        Assert.InRange(synced.Latency, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public async Task Inventory_pages_the_report_and_the_delta_and_lists_methods_in_batches_of_20()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        for (var i = 0; i < 50; i++)
        {
            var user = graph.CloudUser($"paged{i}-{Guid.NewGuid():N}@contoso.example");
            if (i < 45)
            {
                graph.AddKey(user, Start.AddHours(-1));
            }
        }

        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(new()
        {
            ["SyncTracker:Graph:ReportPageSize"] = "20",
            ["SyncTracker:Graph:DeltaPageSize"] = "10",
        }));
        var inventory = host.Service.Services.GetRequiredService<GraphInventoryService>();
        await Eventually.Async(async () => inventory.Inventory?.Complete == true
            && await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE entra_key_id IS NOT NULL AND state = 'AwaitingAd'") == 45, Patience);

        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        Assert.Equal(3, traffic.Batches);
        Assert.Equal(5 + 3 + 3 + 1, traffic.Requests); // delta 50/10, report 45/20, batches 45/20, organization, no device lookup
        Assert.Equal(0, traffic.DeviceLookups);
        Assert.Equal(0, traffic.Throttled);
        Assert.Equal(50, await host.ScalarAsync("SELECT count(*) FROM entra_users"));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM graph_cursors WHERE link LIKE '%deltatoken%'"));
    }

    [Fact]
    public async Task Throttled_batches_and_steps_are_retried_and_the_inventory_completes()
    {
        await using var emulator = await EmulatorScope<TightlyThrottledEmulator>.StartAsync(new TightlyThrottledEmulator());
        var graph = emulator.Graph;
        for (var i = 0; i < 50; i++)
        {
            var user = graph.CloudUser($"busy{i}-{Guid.NewGuid():N}@contoso.example");
            graph.AddKey(user, Start.AddHours(-1));
            if (i < 5)
            {
                graph.AddKey(user, Start.AddHours(-1).AddMinutes(3)); // a second device: both keys' devices are looked up
            }
        }

        // The keys are an hour old: a long cycle keeps the pending re-check from looking up the devices of the single
        // keys (they would have waited past a cycle) while the clock runs on, so exactly the two-key users' are asked.
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(new() { ["SyncTracker:Thresholds:Cycle"] = "1.00:00:00" }));
        var inventory = host.Service.Services.GetRequiredService<GraphInventoryService>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(inventory.Inventory?.Complete == true && await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE entra_key_id IS NOT NULL") == 55
                 && await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE device_id IS NOT NULL") == 10))
        {
            Assert.True(DateTime.UtcNow < deadline, "the inventory did not complete under throttling");
            host.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }

        var traffic = host.Service.Services.GetRequiredService<GraphTraffic>();
        Assert.True(traffic.Throttled > 0, "the emulator should have throttled some steps");
        Assert.True(traffic.DeviceLookups >= 10, $"{traffic.DeviceLookups} lookups");
        Assert.Equal(55, await host.ScalarAsync("SELECT count(*) FROM tracked_keys"));
    }

    [Fact]
    public async Task Key_deleted_in_Entra_leaves_its_AD_value_orphaned_after_one_cycle()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var adUser = await ou.NewUserAsync("del");
        var entraUser = graph.HybridUser(adUser);
        var method = graph.AddKey(entraUser, Start.AddHours(-2));
        await ou.AddKeyAsync(adUser, method.DeviceId, method.CreatedDateTime);
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(ou, new()
        {
            ["SyncTracker:Graph:SettledRecheckInterval"] = "00:30:00",
        }));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 1), Patience);

        Assert.True(graph.Methods.Delete(entraUser.Id, method.Id));
        await host.AdvanceAsync(TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'Unmatched'") == 1, Patience);
        Assert.Equal(0, host.Events.Count<OrphanedKeyDetected>());

        await host.AdvanceAsync(TimeSpan.FromMinutes(32), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<OrphanedKeyDetected>() == 1), Patience);
        var orphan = host.Events.Received.OfType<OrphanedKeyDetected>().Single();
        Assert.Equal(OrphanReason.EntraKeyDeleted, orphan.Reason);
        Assert.Equal(adUser.DistinguishedName, orphan.AdObjectDn);
        Assert.Equal(method.DeviceId, orphan.DeviceId);
    }


    /// <summary>Six requests per app per second: most steps of every $batch are answered 429.</summary>
    private sealed class TightlyThrottledEmulator : GraphEmulator
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulator:Graph:RequestsPerWindow"] = "6",
            ["Simulator:Graph:ThrottleWindow"] = "00:00:01",
        };
    }
}
