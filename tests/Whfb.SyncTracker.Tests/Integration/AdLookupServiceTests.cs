using Whfb.Contracts.Keys;
using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;
using static Whfb.SyncTracker.Tests.Support.SyncTrackerHost;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>
/// No false pipeline stall, on the real service, Samba AD and Graph emulator: users whose keys Entra Connect never writes
/// (adminCount=1) or whose AD user is gone are never returned by a scan; the service looks them up by anchor instead.
/// </summary>
public sealed class AdLookupServiceTests
{
    [Fact]
    public async Task Keys_of_an_adminCount_user_and_of_a_user_gone_from_AD_go_stuck_with_their_reasons_and_the_pipeline_is_not_stalled()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var healthy = await ou.NewUserAsync("ok");
        var admin = await ou.NewUserAsync("adm");
        await ou.SetAdminCountAsync(admin, 1);
        var adminEntra = graph.HybridUser(admin);
        var goneEntra = graph.HybridUser(new DirectoryUser($"CN=gone,{ou.Dn}", Guid.NewGuid(), null, $"gone-{Guid.NewGuid():N}@whfb.test"));
        var created = Start.AddMinutes(-5);
        var healthyKey = graph.AddKey(graph.HybridUser(healthy), created);
        graph.AddKey(adminEntra, created);
        graph.AddKey(goneEntra, created);
        await using var host = await SyncTrackerHost.StartAsync(graph.InventorySettings(ou));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'AwaitingAd'") == 3, Patience);

        // The healthy key reaches AD at once; the other two users hold no value and never change: no scan returns them.
        await ou.AddKeyAsync(healthy, healthyKey.DeviceId, created);
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 1), Patience);
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM ad_lookups"));

        // Past one cycle (30 minutes after creation) both are looked up by anchor: one found with adminCount, one absent.
        await host.AdvanceAsync(TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () =>
            await host.ScalarAsync($"SELECT count(*) FROM ad_users WHERE object_guid = '{admin.ObjectGuid}' AND admin_sd_holder_protected") == 1
            && await host.ScalarAsync($"SELECT count(*) FROM ad_lookups WHERE entra_user_id = '{goneEntra.Id}' AND confirmed_absent") == 1, Patience);
        var lookedUp = $"SELECT count(*) FROM ad_lookups WHERE entra_user_id = '{goneEntra.Id}' AND looked_up_at > '{host.Time.GetUtcNow():O}'";

        // The lookup is remembered across a restart: not repeated before a cycle has passed.
        await host.RestartAsync();
        var restartedAt = host.Time.GetUtcNow();
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM scan_checkpoints WHERE scanned_at >= '{restartedAt.AddMinutes(2):O}'") == 1, Patience);
        Assert.Equal(0, await host.ScalarAsync(lookedUp));

        // Stuck at 2 cycles + 15 minutes, each with its own reason; the stall window (2 cycles without a sync) passes without a stall.
        await host.AdvanceAsync(TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySyncStuck>() == 2), Patience);
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, Patience);
        await Task.Delay(500);
        var hints = host.Events.Received.OfType<KeySyncStuck>().ToDictionary(e => e.Key.UserId.ToString(), e => e.Hints);
        Assert.Equal([StuckKeyHint.AdminSdHolderProtected], hints[adminEntra.Id]);
        Assert.Equal([StuckKeyHint.UserNotFoundInAd], hints[goneEntra.Id]);
        Assert.Equal(0, host.Events.Count<SyncPipelineStalled>());
        Assert.Equal(1, await host.ScalarAsync(lookedUp));
    }
}
