using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>A device event's SID joins the key to its AD user before Graph has described the user.</summary>
public sealed class DeviceSidTests
{
    // The Entra UPN differs from the AD one (a non-routable on-premises suffix), so only the SID can join them.
    private static TrackedKey Registered(EngineScenario s, TestUser user, Guid device, string? sid) =>
        s.Engine.ObserveEntraKey(new EntraKeyObservation(user.EntraId, user.Name + "@contoso.com", device, null, Guid.NewGuid(), EngineScenario.Start)
        {
            UserSid = sid,
        });

    [Fact]
    public void A_key_whose_event_carries_the_users_SID_syncs_without_Graph()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        var key = Registered(s, ada, device, ada.Sid);
        s.Collect();

        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        Assert.Equal(KeyState.Synced, key.State);
        Assert.Single(s.Raised<KeySynced>());
    }

    [Fact]
    public void An_AD_value_seen_first_pairs_when_the_device_event_brings_the_SID()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        var key = Registered(s, ada, device, ada.Sid);
        s.Collect();

        Assert.Equal(KeyState.Synced, key.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("S-1-5-18")]
    [InlineData("S-1-12-1-1111111111-2222222222-3333333333-4444444444")]
    public void Without_a_domain_SID_the_key_waits_for_Graph(string? sid)
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        var device = Guid.NewGuid();
        var key = Registered(s, ada, device, sid);
        s.Collect();

        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        Assert.Equal(KeyState.AwaitingAd, key.State);
        Assert.Empty(s.Raised<KeySynced>());
    }

    [Fact]
    public void A_wrong_SID_from_a_device_does_not_displace_Graphs_anchor()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        var device = Guid.NewGuid();
        var key = Registered(s, ada, device, "S-1-5-21-9-9-9-1234");
        s.Collect();

        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        Assert.Equal(KeyState.Synced, key.State);
    }
}
