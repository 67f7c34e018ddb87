using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>A key without device that waits for AD longer than one sync cycle gets its device looked up before it is stuck.</summary>
public sealed class PreStuckLookupTests
{
    private static readonly DateTimeOffset T0 = EngineScenario.Start;

    [Fact]
    public void A_waiting_key_without_device_needs_its_device_once_it_waited_longer_than_one_cycle_and_its_stuck_event_carries_it()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada, synced: false);
        var listing = EngineScenario.Listed(ada, "m-1", T0);
        s.List(ada, listing);

        s.Advance(s.Engine.Thresholds.Cycle);
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [listing]));
        s.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["m-1"], s.Engine.KeysNeedingDevice(ada.EntraId, [listing]));

        var laptop = Guid.NewGuid();
        s.List(ada, EngineScenario.LookedUp(ada, "m-1", T0, laptop));
        s.Advance(s.Engine.Thresholds.StuckAfter);

        var stuck = Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Equal((laptop, "m-1"), (stuck.Key.DeviceId, stuck.Key.EntraKeyId));
        Assert.Equal([StuckKeyHint.UserOutOfSyncScope], stuck.Hints);
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [listing]));
    }

    [Fact]
    public void A_key_Graph_answered_without_a_device_for_is_not_asked_again_even_next_to_a_new_key()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0));
        s.Advance(s.Engine.Thresholds.Cycle + TimeSpan.FromMinutes(1));
        Assert.Equal(["m-1"], s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0)]));

        s.List(ada, EngineScenario.LookedUp(ada, "m-1", T0, device: null));

        var key = Assert.Single(s.EntraKeys);
        Assert.True(key.DeviceLookedUp);
        Assert.Null(key.DeviceId);
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0)]));
        Assert.Equal(["m-2"], s.Engine.KeysNeedingDevice(ada.EntraId,
            [EngineScenario.Listed(ada, "m-1", T0), EngineScenario.Listed(ada, "m-2", T0.AddMinutes(3))]));
    }

    [Fact]
    public void Keys_that_reach_AD_on_time_are_never_looked_up_however_long_they_stay_listed()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var listing = EngineScenario.Listed(ada, "m-1", T0);
        s.List(ada, listing);
        s.Advance(TimeSpan.FromMinutes(20));
        s.Scan(ada, TestUser.Value(Guid.NewGuid(), T0) with { DeviceId = null }); // a value without device leaves the key without one

        s.Advance(s.Engine.Thresholds.StuckAfter * 2);

        Assert.Equal((KeyState.Synced, null), (Assert.Single(s.EntraKeys).State, s.EntraKeys[0].DeviceId));
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [listing]));
    }

    [Fact]
    public void A_key_already_stuck_without_device_is_looked_up_at_its_next_listing()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var listing = EngineScenario.Listed(ada, "m-1", T0);
        s.List(ada, listing);
        s.Advance(s.Engine.Thresholds.StuckAfter);

        Assert.Equal(KeyState.Stuck, Assert.Single(s.EntraKeys).State);
        Assert.Equal(["m-1"], s.Engine.KeysNeedingDevice(ada.EntraId, [listing]));
    }
}
