using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>The organization's onPremisesLastSyncDateTime as a second stall signal, one episode with the key-based rule.</summary>
public sealed class OnPremisesSyncStallTests
{
    [Fact]
    public void A_last_sync_older_than_the_stall_window_stalls_the_pipeline_without_a_waiting_key_and_its_move_recovers_it()
    {
        var s = new EngineScenario();
        var synced = s.Now;
        s.Engine.ObserveOnPremisesSync(true, synced);
        s.Advance(TimeSpan.FromMinutes(30));
        s.Engine.ObserveOnPremisesSync(true, synced);
        s.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(s.Raised<SyncPipelineStalled>());

        s.Engine.ObserveOnPremisesSync(true, synced);
        s.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(s.Raised<SyncPipelineStalled>());
        s.Engine.ObserveOnPremisesSync(true, synced);
        s.Advance(TimeSpan.FromMinutes(1));
        var stalled = Assert.Single(s.Raised<SyncPipelineStalled>());
        s.Advance(TimeSpan.FromMinutes(20));
        s.Engine.ObserveOnPremisesSync(true, s.Now.AddMinutes(-2));
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, stalled.KeysWaiting);
        var recovered = Assert.Single(s.Raised<SyncPipelineRecovered>());
        Assert.Equal(stalled.DetectedAt, recovered.StalledSince);
    }

    [Fact]
    public void Both_signals_of_one_stall_raise_one_episode_which_ends_with_the_first_key_synced()
    {
        var s = new EngineScenario();
        var (user, device, key) = s.UserWithKey();
        var synced = s.Now;
        ReadEveryFiveMinutes(s, TimeSpan.FromHours(3), () => synced);

        Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Contains(StuckKeyHint.PipelineStalled, Assert.Single(s.Raised<KeySyncStuck>()).Hints);

        s.Scan(user, TestUser.Value(device, key.CreatedInEntraAt!.Value));
        s.Advance(TimeSpan.FromMinutes(10));

        Assert.Single(s.Raised<SyncPipelineRecovered>());
        Assert.Single(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void A_tenant_that_syncs_every_cycle_is_not_stalled_between_two_readings()
    {
        var s = new EngineScenario();
        var synced = s.Now;
        s.Advance(TimeSpan.FromMinutes(29));
        s.Engine.ObserveOnPremisesSync(true, synced);
        s.Advance(TimeSpan.FromMinutes(40));

        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void An_old_reading_says_nothing_about_now_and_sync_off_never_stalls()
    {
        var s = new EngineScenario();
        s.Engine.ObserveOnPremisesSync(true, s.Now);
        s.Advance(TimeSpan.FromHours(3));
        var off = new EngineScenario();
        off.Engine.ObserveOnPremisesSync(false, off.Now.AddDays(-30));
        off.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(s.Raised<SyncPipelineStalled>());
        Assert.Empty(off.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void While_keys_stall_a_fresh_sync_time_alone_does_not_end_the_episode()
    {
        var s = new EngineScenario();
        s.UserWithKey();
        ReadEveryFiveMinutes(s, TimeSpan.FromHours(2), () => s.Now);

        Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Empty(s.Raised<SyncPipelineRecovered>());
    }

    /// <summary>The organization read every five minutes (as the service does), with the last sync time it reports then.</summary>
    private static void ReadEveryFiveMinutes(EngineScenario s, TimeSpan span, Func<DateTimeOffset> lastSync)
    {
        for (var read = TimeSpan.Zero; read < span; read += TimeSpan.FromMinutes(5))
        {
            s.Engine.ObserveOnPremisesSync(true, lastSync());
            s.Advance(TimeSpan.FromMinutes(5));
        }
    }
}
