using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>The real service scanning the real Samba AD (an OU per test) on a fake clock.</summary>
public sealed class AdScanTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;

    [Fact]
    public async Task Key_written_to_AD_is_synced_and_a_restart_resumes_incrementally()
    {
        await using var ou = await SambaOu.CreateAsync();
        await using var host = await SyncTrackerHost.StartAsync(ou.Settings());
        var user = await ou.NewUserAsync("sync");
        var device = Guid.NewGuid();
        await host.PublishAsync(Registration(SyncTrackerHost.TenantA, device, Guid.NewGuid(), Start) with { UserPrincipalName = user.UserPrincipalName });
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 1);

        await ou.AddKeyAsync(user, device, Start.AddSeconds(1));
        await host.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySynced>() == 1));
        var synced = host.Events.Received.OfType<KeySynced>().Single();
        Assert.InRange(synced.Latency, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(21));
        Assert.Equal(device, synced.Key.DeviceId);

        await host.RestartAsync();
        var restartedAt = host.Time.GetUtcNow();
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM scan_checkpoints WHERE last_mode = 'Incremental' AND scanned_at > '{restartedAt:O}'") == 1);
        await Task.Delay(500);
        Assert.Equal(1, host.Events.Count<KeySynced>());
        Assert.Equal(0, host.Events.Count<KeySyncStuck>());
    }

    [Fact]
    public async Task Stuck_key_recovers_when_its_value_appears_and_an_unclaimed_value_is_orphaned()
    {
        await using var ou = await SambaOu.CreateAsync();
        await using var host = await SyncTrackerHost.StartAsync(ou.Settings());
        var user = await ou.NewUserAsync("stuck");
        var stranger = await ou.NewUserAsync("orphan");
        var device = Guid.NewGuid();
        await host.PublishAsync(Registration(SyncTrackerHost.TenantA, device, Guid.NewGuid(), Start) with { UserPrincipalName = user.UserPrincipalName });
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 1);

        await host.AdvanceAsync(TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(5));
        await host.AdvanceUntilAsync(() => host.Events.Count<KeySyncStuck>() == 1 && host.Events.Count<SyncPipelineStalled>() == 1);

        await ou.AddKeyAsync(user, device, Start);
        await ou.AddKeyAsync(stranger, Guid.NewGuid(), Start.AddDays(-30));
        await host.AdvanceAsync(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(
            host.Events.Count<KeySyncRecovered>() == 1 && host.Events.Count<SyncPipelineRecovered>() == 1 && host.Events.Count<OrphanedKeyDetected>() == 1));

        var orphan = host.Events.Received.OfType<OrphanedKeyDetected>().Single();
        Assert.Equal(OrphanReason.NoMatchingEntraKey, orphan.Reason);
        Assert.Equal(stranger.DistinguishedName, orphan.AdObjectDn);
        Assert.Equal(1, host.Events.Count<KeySyncStuck>());
    }
}
