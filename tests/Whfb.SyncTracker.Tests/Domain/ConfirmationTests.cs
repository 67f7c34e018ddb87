using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>
/// With Graph listing the tenant's keys, nothing is concluded from what was not looked at: a key is stuck only once a
/// listing after it waited a cycle still showed it; an unclaimed AD value is orphaned only once Graph was asked after it.
/// </summary>
public sealed class ConfirmationTests
{
    [Fact]
    public void A_waiting_key_is_not_called_stuck_until_a_listing_after_one_cycle_still_shows_it()
    {
        var s = new EngineScenario(confirmsWithGraph: true);
        var (user, _, key) = s.UserWithKey();
        s.List(user, EngineScenario.Listed(user, "m1", key.CreatedInEntraAt!.Value));
        s.Advance(TimeSpan.FromHours(3));
        Assert.Empty(s.Raised<KeySyncStuck>());

        s.List(user, EngineScenario.Listed(user, "m1", key.CreatedInEntraAt!.Value));
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(s.Now, Assert.Single(s.Raised<KeySyncStuck>()).DetectedAt);
    }

    [Fact]
    public void Without_Graph_listings_a_key_is_stuck_on_time_as_before()
    {
        var s = new EngineScenario();
        s.UserWithKey();

        s.Advance(s.Engine.Thresholds.StuckAfter);

        Assert.Single(s.Raised<KeySyncStuck>());
    }

    [Fact]
    public void An_unclaimed_value_waits_past_the_grace_until_its_users_keys_are_listed_and_then_is_orphaned()
    {
        var s = new EngineScenario(confirmsWithGraph: true);
        var ada = s.DescribedUser();
        s.List(ada);
        s.Advance(TimeSpan.FromMinutes(5));
        s.Scan(ada, TestUser.Value(Guid.NewGuid(), EngineScenario.Start.AddDays(-40)));
        s.Advance(TimeSpan.FromHours(2));
        Assert.Empty(s.Raised<OrphanedKeyDetected>());
        Assert.Equal([ada.EntraId], s.Engine.UsersWithUnconfirmedAdValues());

        s.List(ada);
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(OrphanReason.NoMatchingEntraKey, Assert.Single(s.Raised<OrphanedKeyDetected>()).Reason);
        Assert.Empty(s.Engine.UsersWithUnconfirmedAdValues());
    }

    [Fact]
    public void A_value_whose_key_a_listing_shows_late_pairs_instead_of_being_orphaned()
    {
        var s = new EngineScenario(confirmsWithGraph: true);
        var ada = s.DescribedUser();
        var device = Guid.NewGuid();
        var created = EngineScenario.Start.AddDays(-3);
        s.Scan(ada, TestUser.Value(device, created));
        s.Advance(TimeSpan.FromHours(4));

        s.List(ada, EngineScenario.Listed(ada, "m-late", created));
        s.Advance(TimeSpan.FromHours(1));

        Assert.Empty(s.Raised<OrphanedKeyDetected>());
        Assert.Equal(KeyState.Synced, Assert.Single(s.Engine.Keys).State);
    }

    [Fact]
    public void A_value_of_an_AD_user_no_Entra_user_anchors_to_is_orphaned_once_a_users_round_that_began_after_it_completed()
    {
        var s = new EngineScenario(confirmsWithGraph: true);
        var ghost = s.NewUser("ghost");
        s.Engine.ObserveUsersListed(s.Now);
        s.Advance(TimeSpan.FromMinutes(1));
        s.Scan(ghost, TestUser.Value(Guid.NewGuid(), EngineScenario.Start.AddDays(-40)));
        s.Advance(TimeSpan.FromHours(2));
        Assert.Empty(s.Raised<OrphanedKeyDetected>());

        s.Engine.ObserveUsersListed(s.Now);
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(s.Raised<OrphanedKeyDetected>());
    }

    [Fact]
    public void A_key_a_complete_listing_no_longer_shows_leaves_its_value_orphaned_after_the_grace_without_another_listing()
    {
        var s = new EngineScenario(confirmsWithGraph: true);
        var (ada, device, key) = s.UserWithKey();
        s.List(ada, EngineScenario.Listed(ada, "m1", key.CreatedInEntraAt!.Value));
        s.Scan(ada, TestUser.Value(device, key.CreatedInEntraAt!.Value));
        s.Advance(TimeSpan.FromHours(1));

        s.List(ada);
        s.Advance(s.Engine.Thresholds.OrphanGrace);

        Assert.Equal(OrphanReason.EntraKeyDeleted, Assert.Single(s.Raised<OrphanedKeyDetected>()).Reason);
    }
}
