using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>Which listed keys are worth a single GET for their device (KeysNeedingDevice).</summary>
public sealed class DeviceLookupRuleTests
{
    private static readonly DateTimeOffset T0 = EngineScenario.Start;

    [Fact]
    public void A_user_with_one_key_needs_no_lookup_whether_its_device_event_or_AD_value_came_first()
    {
        var s = new EngineScenario();
        var (ada, bob) = (s.DescribedUser("ada"), s.DescribedUser("bob"));
        s.DeviceEvent(ada, Guid.NewGuid(), Guid.NewGuid(), T0);
        s.Scan(bob, TestUser.Value(Guid.NewGuid(), T0));

        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-ada", T0.AddSeconds(2))]));
        Assert.Empty(s.Engine.KeysNeedingDevice(bob.EntraId, [EngineScenario.Listed(bob, "m-bob", T0)]));
    }

    [Fact]
    public void Keys_of_one_user_more_than_twice_the_tolerance_apart_need_no_lookup()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        var apart = s.Engine.Thresholds.CreationTolerance * 2 + TimeSpan.FromSeconds(1);

        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0), EngineScenario.Listed(ada, "m-2", T0 + apart)]));
        Assert.Equal(["m-1", "m-2"], s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0), EngineScenario.Listed(ada, "m-2", T0 + apart - TimeSpan.FromSeconds(2))]));
    }

    [Fact]
    public void A_new_key_near_two_unresolved_records_of_the_user_needs_its_device()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        s.DeviceEvent(ada, Guid.NewGuid(), Guid.NewGuid(), T0);
        s.Scan(ada, TestUser.Value(Guid.NewGuid(), T0.AddMinutes(15)));

        Assert.Equal(["m-1"], s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0.AddMinutes(5))]));
    }

    [Fact]
    public void A_key_whose_device_is_known_is_never_asked_again_and_does_not_make_a_new_neighbour_ask()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0, Guid.NewGuid()));

        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0), EngineScenario.Listed(ada, "m-2", T0.AddMinutes(3))]));
    }

    [Fact]
    public void A_key_learned_without_device_is_asked_once_a_new_key_appears_next_to_it()
    {
        var s = new EngineScenario();
        var ada = s.DescribedUser();
        s.List(ada, EngineScenario.Listed(ada, "m-1", T0));
        Assert.Empty(s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0)]));

        Assert.Equal(["m-1", "m-2"], s.Engine.KeysNeedingDevice(ada.EntraId, [EngineScenario.Listed(ada, "m-1", T0), EngineScenario.Listed(ada, "m-2", T0.AddMinutes(3))]));
    }
}
