using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

public sealed class SyncLifecycleTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void Key_synced_in_cycle_one_raises_one_KeySynced_with_latency()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Advance(TimeSpan.FromMinutes(25));
        var value = TestUser.Value(device, EngineScenario.Start);
        s.Scan(ada, value);
        s.Scan(ada, value);
        s.Advance(Cycle * 4);

        var synced = Assert.Single(s.Raised<KeySynced>());
        Assert.Equal(TimeSpan.FromMinutes(25), synced.Latency);
        Assert.Equal(value.KeyId, synced.Key.AdKeyId);
        Assert.Equal(KeyState.Synced, key.State);
        Assert.Empty(s.Raised<KeySyncStuck>());
        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void Key_synced_in_cycle_two_is_never_stuck()
    {
        var s = new EngineScenario();
        var (ada, device, _) = s.UserWithKey();
        s.Advance(TimeSpan.FromMinutes(70));
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start.AddSeconds(2)));

        Assert.Equal(TimeSpan.FromMinutes(70), Assert.Single(s.Raised<KeySynced>()).Latency);
        Assert.Empty(s.Raised<KeySyncStuck>());
    }

    [Fact]
    public void Stuck_key_recovers_when_value_appears_in_AD()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Advance(TimeSpan.FromMinutes(74));
        Assert.Empty(s.Raised<KeySyncStuck>());
        s.Advance(TimeSpan.FromMinutes(1));
        var stuck = Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Equal(TimeSpan.FromMinutes(75), stuck.WaitingFor);

        s.Advance(TimeSpan.FromHours(2));
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        s.Advance(Cycle * 3);

        var recovered = Assert.Single(s.Raised<KeySyncRecovered>());
        Assert.Equal(stuck.DetectedAt, recovered.StuckSince);
        Assert.Equal(TimeSpan.FromMinutes(195), recovered.Latency);
        Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Empty(s.Raised<KeySynced>());
        Assert.Equal(KeyState.Recovered, key.State);
    }

    [Fact]
    public void Key_stuck_forever_raises_exactly_one_stuck_event()
    {
        var s = new EngineScenario();
        var ada = s.NewUser(adminCount: true);
        s.Describe(ada);
        s.Scan(ada);
        var key = s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromDays(3));

        var stuck = Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Equal([StuckKeyHint.AdminSdHolderProtected], stuck.Hints);
        Assert.Equal(KeyState.Stuck, key.State);
        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void Value_that_leaves_AD_ends_the_key_with_one_removal_event()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        s.Advance(Cycle);
        s.Scan(ada);
        s.Scan(ada);

        Assert.Single(s.Raised<NgcKeyRemovedFromAd>());
        Assert.Equal(KeyState.Removed, key.State);
    }

    [Fact]
    public void Full_scan_that_no_longer_returns_a_holder_removes_its_values()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        s.Engine.CompleteFullScan(new HashSet<Guid>());
        s.Collect();

        Assert.Single(s.Raised<NgcKeyRemovedFromAd>());
        Assert.Equal(KeyState.Removed, key.State);
    }
}
