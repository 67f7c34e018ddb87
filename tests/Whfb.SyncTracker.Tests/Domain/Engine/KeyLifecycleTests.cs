using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class KeyLifecycleTests
{
    [Fact]
    public void A_move_the_table_does_not_name_throws_and_leaves_the_key_as_it_was()
    {
        var parts = new EngineParts();
        var key = parts.LoadedKey(KeyState.Synced);
        parts.Time.Advance(TimeSpan.FromHours(1));

        var refused = Assert.Throws<InvalidOperationException>(() => parts.Lifecycle.Stuck(key, [], ownCause: false));

        Assert.Contains("from Synced to Stuck", refused.Message, StringComparison.Ordinal);
        Assert.Equal(KeyState.Synced, key.State);
        Assert.Equal(EngineScenario.Start, key.StuckSince);
        Assert.Empty(parts.TakeEvents());
        Assert.Empty(parts.Lifecycle.Taken);
    }

    [Fact]
    public void A_removed_key_cannot_leave_AD_twice()
    {
        var parts = new EngineParts();
        var key = parts.LoadedKey(KeyState.Removed);

        var refused = Assert.Throws<InvalidOperationException>(() => parts.Lifecycle.LeftAd(key));

        Assert.Contains("from Removed to Removed on ValueLeftAd", refused.Message, StringComparison.Ordinal);
        Assert.Null(key.RemovedFromAdAt);
    }

    [Fact]
    public void A_waiting_key_found_in_AD_is_synced_and_a_stuck_one_recovered()
    {
        var parts = new EngineParts();
        var waiting = parts.WaitingKey();
        var stuck = parts.WaitingKey();
        parts.Lifecycle.Stuck(stuck, [], ownCause: false);
        parts.TakeEvents();
        waiting.ObservedInAdAt = stuck.ObservedInAdAt = parts.Now;

        parts.Lifecycle.FoundInAd(waiting);
        parts.Lifecycle.FoundInAd(stuck);

        Assert.Equal((KeyState.Synced, KeyState.Recovered), (waiting.State, stuck.State));
        var events = parts.TakeEvents();
        Assert.IsType<KeySynced>(events[0]);
        Assert.Equal(stuck.StuckSince, Assert.IsType<KeySyncRecovered>(events[1]).StuckSince);
        Assert.Empty(parts.State.Keys.Waiting);
    }

    [Fact]
    public void An_Entra_key_gone_before_AD_is_removed_silently_and_one_in_AD_leaves_its_value_unclaimed()
    {
        var parts = new EngineParts();
        var waiting = parts.WaitingKey();
        var inAd = parts.LoadedKey(KeyState.Synced);

        parts.Lifecycle.EntraSideEnded(waiting, deviceDeleted: false);
        parts.Lifecycle.EntraSideEnded(inAd, deviceDeleted: true);

        Assert.Equal(KeyState.Removed, waiting.State);
        Assert.Equal(KeyState.Unmatched, inAd.State);
        Assert.Equal(OrphanReason.DeviceDeleted, inAd.OrphanReason);
        Assert.Equal([inAd], parts.State.Keys.Unmatched);
        Assert.Empty(parts.TakeEvents());
    }

    [Fact]
    public void The_table_names_each_move_once_and_reaches_every_state()
    {
        var table = KeyLifecycle.Transitions;

        Assert.Equal(table.Count, table.Distinct().Count());
        Assert.Equal(Enum.GetValues<KeyState>().Order(), table.Select(t => t.To).Distinct().Order());
    }
}
