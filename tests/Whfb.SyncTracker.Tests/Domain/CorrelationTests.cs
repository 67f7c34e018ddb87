using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

public sealed class CorrelationTests
{
    [Fact]
    public void User_is_found_through_the_security_identifier()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada, bySid: true);
        var device = Guid.NewGuid();
        s.Register(ada, device);
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        Assert.Single(s.Raised<KeySynced>());
    }

    [Fact]
    public void Several_devices_and_a_reprovisioned_key_pair_by_device_and_creation_time()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        var laptop = Guid.NewGuid();
        var desktop = Guid.NewGuid();
        var first = s.Register(ada, laptop, EngineScenario.Start);
        var second = s.Register(ada, desktop, EngineScenario.Start.AddMinutes(1));
        var reprovisioned = s.Register(ada, laptop, EngineScenario.Start.AddDays(-3).AddMinutes(20));
        var laptopNew = TestUser.Value(laptop, EngineScenario.Start.AddSeconds(3));
        var laptopOld = TestUser.Value(laptop, EngineScenario.Start.AddDays(-3).AddMinutes(20));
        var desk = TestUser.Value(desktop, EngineScenario.Start.AddMinutes(1));
        s.Scan(ada, laptopNew, desk, laptopOld);

        Assert.Equal(laptopNew.KeyId, first.AdKeyId);
        Assert.Equal(desk.KeyId, second.AdKeyId);
        Assert.Equal(laptopOld.KeyId, reprovisioned.AdKeyId);
        Assert.Equal(3, s.Raised<KeySynced>().Count());
    }

    [Fact]
    public void Value_with_a_creation_time_outside_the_tolerance_does_not_pair()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start.AddHours(-5)));

        Assert.Equal(KeyState.AwaitingAd, key.State);
        Assert.Empty(s.Raised<KeySynced>());
    }

    [Fact]
    public void Key_id_on_both_sides_pairs_exactly()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        var value = TestUser.Value(Guid.NewGuid(), EngineScenario.Start.AddHours(-9));
        var key = s.Engine.ObserveEntraKey(new EntraKeyObservation(ada.EntraId, ada.Upn, null, "m1", null, EngineScenario.Start) { AdKeyId = value.KeyId });
        s.Scan(ada, value);

        Assert.Equal(KeyState.Synced, key.State);
    }

    [Fact]
    public void Duplicate_device_event_and_graph_report_make_one_key()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        var fromDevice = s.Engine.ObserveEntraKey(new EntraKeyObservation(ada.EntraId, ada.Upn, device, null, Guid.NewGuid(), EngineScenario.Start));
        var again = s.Engine.ObserveEntraKey(new EntraKeyObservation(ada.EntraId, ada.Upn, device, null, fromDevice.DeviceKeyId, EngineScenario.Start));
        var fromGraph = s.Engine.ObserveEntraKey(new EntraKeyObservation(ada.EntraId, ada.Upn, device, "graph-id", null, EngineScenario.Start.AddSeconds(4)));

        Assert.Same(fromDevice, again);
        Assert.Same(fromDevice, fromGraph);
        Assert.Equal("graph-id", fromDevice.EntraKeyId);
        Assert.Single(s.Engine.Keys);
    }

    [Fact]
    public void Value_seen_in_AD_before_its_Entra_key_pairs_when_the_key_arrives()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        s.Advance(TimeSpan.FromMinutes(10));
        s.Describe(ada);
        var key = s.Register(ada, device, EngineScenario.Start);
        s.Advance(TimeSpan.FromHours(3));

        Assert.Equal(KeyState.Synced, key.State);
        Assert.Single(s.Engine.Keys);
        Assert.Equal(TimeSpan.Zero, Assert.Single(s.Raised<KeySynced>()).Latency);
        Assert.Empty(s.Raised<OrphanedKeyDetected>());
    }

    [Fact]
    public void Graph_describing_the_user_late_pairs_values_already_seen()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        s.Engine.ObserveEntraKey(new EntraKeyObservation(ada.EntraId, "other@upn.test", device, null, null, EngineScenario.Start));
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        Assert.Empty(s.Raised<KeySynced>());
        s.Describe(ada);

        Assert.Single(s.Raised<KeySynced>());
    }
}
