using Microsoft.Extensions.Time.Testing;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Graph;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>Graph listings as complete answers (merge, removal after the listing lag) and the adaptive pacer.</summary>
public sealed class InventoryTests
{
    private static readonly TimeSpan Lag = TimeSpan.FromMinutes(10);

    [Fact]
    public void Listing_merges_into_the_key_a_device_event_announced_and_pending_users_are_those_waiting()
    {
        var s = new EngineScenario();
        var user = s.NewUser();
        s.Describe(user);
        var device = Guid.NewGuid();
        var fromEvent = s.Engine.ObserveEntraKey(new EntraKeyObservation(user.EntraId, user.Upn, device, null, Guid.NewGuid(), s.Now));

        s.Engine.ObserveEntraKeyInventory(user.EntraId, [new EntraKeyObservation(user.EntraId, null, device, "m-1", null, s.Now.AddSeconds(3))], s.Now - Lag);

        var key = Assert.Single(s.Engine.Keys);
        Assert.Same(fromEvent, key);
        Assert.Equal("m-1", key.EntraKeyId);
        Assert.Equal([user.EntraId], s.Engine.UsersWithPendingKeys());
    }

    [Fact]
    public void Key_missing_from_a_listing_is_removed_only_once_older_than_the_lag_and_a_synced_one_orphans_after_a_cycle()
    {
        var s = new EngineScenario();
        var user = s.NewUser();
        s.Describe(user);
        var device = Guid.NewGuid();
        var synced = s.Register(user, device, s.Now.AddHours(-1), "m-old");
        s.Scan(user, TestUser.Value(device, s.Now.AddHours(-1)));
        Assert.Equal(KeyState.Synced, synced.State);
        var young = s.Register(user, Guid.NewGuid(), entraKeyId: "m-young");

        s.Engine.ObserveEntraKeyInventory(user.EntraId, [], s.Now - Lag);
        Assert.Equal(KeyState.Unmatched, synced.State);
        Assert.Equal(KeyState.AwaitingAd, young.State);

        s.Advance(Lag);
        s.Engine.ObserveEntraKeyInventory(user.EntraId, [], s.Now - Lag);
        Assert.Equal(KeyState.Removed, young.State);
        Assert.Empty(s.Engine.UsersWithEntraKeys());

        s.Advance(s.Engine.Thresholds.Cycle);
        var orphan = Assert.Single(s.Raised<OrphanedKeyDetected>());
        Assert.Equal(OrphanReason.EntraKeyDeleted, orphan.Reason);
    }

    [Fact]
    public void A_listing_observed_late_counts_the_lag_from_when_it_was_asked_for()
    {
        var s = new EngineScenario();
        var (user, other) = (s.NewUser("late"), s.NewUser("other"));
        s.Describe(user);
        s.Describe(other);
        var asked = s.Now;
        s.Advance(TimeSpan.FromSeconds(5));
        var created = s.Register(user, Guid.NewGuid());
        var elsewhere = s.Register(other, Guid.NewGuid());

        // Held back for device lookups under throttling, the answer is observed after the lag has passed.
        s.Advance(Lag + TimeSpan.FromMinutes(1));
        s.Engine.ObserveEntraKeyInventory(user.EntraId, [], asked - Lag);
        s.Engine.ObserveEntraKeyInventory(other.EntraId, [], s.Now - Lag);

        Assert.Equal(KeyState.AwaitingAd, created.State);
        Assert.Equal(KeyState.Removed, elsewhere.State);
    }

    [Fact]
    public async Task Pacer_holds_requests_until_Retry_After_and_recovers_its_rate_after_throttling()
    {
        var time = new FakeTimeProvider(EngineScenario.Start);
        var pacer = new GraphPacer(new GraphInventoryOptions(), time);
        await pacer.WaitTurnAsync(CancellationToken.None);

        pacer.Throttled(TimeSpan.FromSeconds(7));
        var waiting = pacer.WaitTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting;
        Assert.True(pacer.Interval > TimeSpan.Zero);

        pacer.Answered(0.9);
        var widened = pacer.Interval;
        Assert.True(widened > TimeSpan.FromMilliseconds(20));
        for (var i = 0; i < 10; i++)
        {
            pacer.Answered(null);
        }

        Assert.Equal(TimeSpan.Zero, pacer.Interval);
    }
}
