using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>Graph lists keys without their device; a device event has no Graph id: both records of one key still make one key.</summary>
public sealed class MergeWithoutDeviceTests
{
    private static readonly DateTimeOffset T0 = EngineScenario.Start;

    [Fact]
    public void Graph_key_then_its_device_event_make_one_key_that_pairs_with_the_AD_value_of_its_device()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var laptop = Guid.NewGuid();
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0));
        var fromDevice = s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0.AddSeconds(2));

        var key = Assert.Single(s.EntraKeys);
        Assert.Same(key, fromDevice);
        Assert.Equal(("m-1", laptop), (key.EntraKeyId, key.DeviceId));
        var closerInTimeButAnotherDevice = TestUser.Value(Guid.NewGuid(), T0.AddSeconds(10));
        var own = TestUser.Value(laptop, T0.AddSeconds(90));
        s.Scan(ada, closerInTimeButAnotherDevice, own);
        Assert.Equal(own.KeyId, key.AdKeyId);
        Assert.Equal(KeyState.Synced, key.State);
    }

    [Fact]
    public void Device_event_then_the_Graph_listing_without_device_make_one_key_that_never_goes_stuck()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var laptop = Guid.NewGuid();
        var fromDevice = s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0);
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0.AddSeconds(3)));
        s.Advance(TimeSpan.FromMinutes(20));
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0.AddSeconds(3)));
        s.Scan(ada, TestUser.Value(laptop, T0));
        s.Advance(TimeSpan.FromHours(3));

        var key = Assert.Single(s.Engine.Keys);
        Assert.Same(fromDevice, key);
        Assert.Equal("m-1", key.EntraKeyId);
        Assert.Equal(KeyState.Synced, key.State);
        Assert.Single(s.Raised<KeySynced>());
        Assert.Empty(s.Raised<KeySyncStuck>());
    }

    [Fact]
    public void Graph_key_between_two_device_events_stays_apart_until_its_device_is_known_then_merges_into_its_own()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var (laptop, desktop) = (Guid.NewGuid(), Guid.NewGuid());
        var laptopKey = s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0);
        var desktopKey = s.DeviceEvent(ada, desktop, Guid.NewGuid(), T0.AddMinutes(3));

        var listed = s.Engine.ObserveEntraKey(EngineScenario.Listed(ada, "m-desk", T0.AddMinutes(2)));
        Assert.Equal(3, s.EntraKeys.Count);
        Assert.Null(listed.DeviceId);

        var merged = s.Engine.ObserveEntraKey(EngineScenario.Listed(ada, "m-desk", T0.AddMinutes(2), desktop));
        s.Collect();
        Assert.Equal(2, s.EntraKeys.Count);
        Assert.Equal("m-desk", merged.EntraKeyId);
        Assert.Equal(desktopKey.DeviceKeyId, merged.DeviceKeyId);
        Assert.Null(laptopKey.EntraKeyId);
    }

    [Fact]
    public void Two_keys_on_two_devices_three_minutes_apart_pair_with_their_own_AD_values_once_their_devices_are_looked_up()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var (laptop, desktop) = (Guid.NewGuid(), Guid.NewGuid());
        EntraKeyObservation[] listing = [EngineScenario.Listed(ada, "m-lap", T0), EngineScenario.Listed(ada, "m-desk", T0.AddMinutes(3))];
        Assert.Equal(["m-lap", "m-desk"], s.Engine.KeysNeedingDevice(ada.EntraId, listing));

        s.List(ada, listing[0] with { DeviceId = laptop }, listing[1] with { DeviceId = desktop });
        // Closest in time the laptop's value would go to the desktop key (1 min against 2): the devices decide.
        var laptopValue = TestUser.Value(laptop, T0.AddMinutes(2));
        var desktopValue = TestUser.Value(desktop, T0.AddMinutes(3));
        s.Scan(ada, laptopValue, desktopValue);
        s.DeviceEvent(ada, desktop, Guid.NewGuid(), T0.AddMinutes(3));
        s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0);

        Assert.Equal(laptopValue.KeyId, s.EntraKeys.Single(k => k.EntraKeyId == "m-lap").AdKeyId);
        Assert.Equal(desktopValue.KeyId, s.EntraKeys.Single(k => k.EntraKeyId == "m-desk").AdKeyId);
        Assert.Equal(2, s.Engine.Keys.Count());
        Assert.All(s.Engine.Keys, k => Assert.NotNull(k.DeviceKeyId));
        Assert.Equal(2, s.Raised<KeySynced>().Count());
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, listing));
    }

    [Fact]
    public void Key_reprovisioned_on_the_same_device_minutes_later_stays_a_key_of_its_own()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var laptop = Guid.NewGuid();
        var old = s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0);
        var oldValue = TestUser.Value(laptop, T0);
        s.Scan(ada, oldValue);
        s.Advance(TimeSpan.FromMinutes(5));
        var renewed = s.DeviceEvent(ada, laptop, Guid.NewGuid(), T0.AddMinutes(5));
        Assert.NotSame(old, renewed);

        // Both listed ids are new and 5 minutes apart: both are looked up, and on one device the closest time decides.
        EntraKeyObservation[] listing = [EngineScenario.Listed(ada, "m-new", T0.AddMinutes(5)), EngineScenario.Listed(ada, "m-old", T0)];
        Assert.Equal(["m-new", "m-old"], s.Engine.KeysNeedingDevice(ada.EntraId, listing));
        s.List(ada, [.. listing.Select(o => o with { DeviceId = laptop })]);
        var renewedValue = TestUser.Value(laptop, T0.AddMinutes(5));
        s.Scan(ada, oldValue, renewedValue);

        Assert.Equal(("m-old", KeyState.Synced, oldValue.KeyId), (old.EntraKeyId, old.State, old.AdKeyId));
        Assert.Equal(("m-new", KeyState.Synced, renewedValue.KeyId), (renewed.EntraKeyId, renewed.State, renewed.AdKeyId));
        Assert.Equal(2, s.Raised<KeySynced>().Count());
    }

    [Fact]
    public void Duplicated_and_out_of_order_records_of_one_key_end_as_one_synced_key()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var laptop = Guid.NewGuid();
        var deviceKeyId = Guid.NewGuid();
        s.Scan(ada, TestUser.Value(laptop, T0));
        s.Describe(ada);
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0.AddSeconds(1)));
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0.AddSeconds(1)));
        s.DeviceEvent(ada, laptop, deviceKeyId, T0);
        s.DeviceEvent(ada, laptop, deviceKeyId, T0);
        s.Advance(TimeSpan.FromHours(3));

        var key = Assert.Single(s.Engine.Keys);
        Assert.Equal(("m-1", laptop, deviceKeyId, KeyState.Synced), (key.EntraKeyId, key.DeviceId, key.DeviceKeyId, key.State));
        Assert.Single(s.Raised<KeySynced>());
        Assert.Empty(s.Raised<OrphanedKeyDetected>());
        Assert.Empty(s.Raised<KeySyncStuck>());
    }
}
