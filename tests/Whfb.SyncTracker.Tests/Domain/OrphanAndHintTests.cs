using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

public sealed class OrphanAndHintTests
{
    [Fact]
    public void Value_without_an_Entra_key_is_orphaned_after_one_cycle_of_grace()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        s.Scan(ada, TestUser.Value(Guid.NewGuid(), EngineScenario.Start.AddDays(-40)));
        s.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(s.Raised<OrphanedKeyDetected>());
        s.Advance(TimeSpan.FromHours(5));

        var orphan = Assert.Single(s.Raised<OrphanedKeyDetected>());
        Assert.Equal(OrphanReason.NoMatchingEntraKey, orphan.Reason);
        Assert.Equal(ada.EntraId, orphan.UserId);
        Assert.Equal(ada.Dn, orphan.AdObjectDn);
    }

    [Fact]
    public void An_orphaned_value_that_leaves_AD_is_reported_removed_and_an_unreported_one_is_not()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        s.Scan(ada, TestUser.Value(Guid.NewGuid(), EngineScenario.Start.AddDays(-40)));
        s.Advance(TimeSpan.FromHours(5));
        var orphan = Assert.Single(s.Raised<OrphanedKeyDetected>());
        s.Scan(ada);

        var removed = Assert.Single(s.Raised<NgcKeyRemovedFromAd>());
        Assert.Equal((orphan.AdKeyId, orphan.DeviceId), (removed.Key.AdKeyId, removed.Key.DeviceId));

        var bob = s.NewUser("bob");
        s.Describe(bob);
        s.Scan(bob, TestUser.Value(Guid.NewGuid(), EngineScenario.Start));
        s.Scan(bob);
        Assert.Single(s.Raised<NgcKeyRemovedFromAd>());
    }

    [Fact]
    public void Key_deleted_in_Entra_leaves_an_orphan_when_its_value_stays()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        var device = Guid.NewGuid();
        var key = s.Register(ada, device, entraKeyId: "m1");
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
        s.Engine.ObserveEntraKeyRemoved(ada.EntraId, device, null, deviceDeleted: true);
        s.Advance(TimeSpan.FromHours(2));

        var orphan = Assert.Single(s.Raised<OrphanedKeyDetected>());
        Assert.Equal(OrphanReason.DeviceDeleted, orphan.Reason);
        Assert.Equal(KeyState.Orphaned, key.State);
    }

    [Fact]
    public void Stuck_key_of_a_cloud_only_user_says_out_of_sync_scope()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada, synced: false);
        s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromHours(2));

        Assert.Equal([StuckKeyHint.UserOutOfSyncScope], Assert.Single(s.Raised<KeySyncStuck>()).Hints);
    }

    [Fact]
    public void Stuck_key_of_a_synced_user_missing_from_AD_says_not_found()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromHours(2));

        Assert.Contains(StuckKeyHint.UserNotFoundInAd, Assert.Single(s.Raised<KeySyncStuck>()).Hints);
    }

    [Fact]
    public void Stuck_key_of_a_user_whose_attribute_is_unreadable_says_so()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada);
        s.Scan(ada);
        s.Engine.ObserveAttributeUnreadable(ada.ObjectGuid, ada.Dn, adminSdHolderProtected: false);
        s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromHours(2));

        Assert.Contains(StuckKeyHint.AttributeUnreadable, Assert.Single(s.Raised<KeySyncStuck>()).Hints);
    }
}
