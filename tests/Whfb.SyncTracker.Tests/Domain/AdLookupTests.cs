using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>
/// Users no scan returns (no value, unchanged since the cursor) are looked up in AD by their anchors once a key of theirs
/// waited past one cycle: what the lookup finds explains their stuck keys, so they no longer look like a stalled pipeline.
/// </summary>
public sealed class AdLookupTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void A_key_of_an_adminCount_user_no_scan_returned_goes_stuck_as_AdminSdHolderProtected_and_the_pipeline_is_not_stalled()
    {
        var (s, waiting) = HealthyTenantWithOneWaitingKey(adminCount: true);

        s.AdvanceWithLookups(TimeSpan.FromHours(4), waiting.User);

        var stuck = Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Equal(waiting.Key.Id, s.EntraKeys.Single(k => k.EntraUserId == stuck.Key.UserId).Id);
        Assert.Equal([StuckKeyHint.AdminSdHolderProtected], stuck.Hints);
        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void Unlooked_up_the_same_user_is_merely_not_found_and_its_key_stalls_the_pipeline()
    {
        var (s, waiting) = HealthyTenantWithOneWaitingKey(adminCount: true);

        s.Advance(TimeSpan.FromHours(4));

        Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Equal([StuckKeyHint.UserNotFoundInAd], Assert.Single(s.Raised<KeySyncStuck>()).Hints);
        Assert.Equal(KeyState.Stuck, waiting.Key.State);
    }

    [Fact]
    public void A_user_confirmed_absent_from_AD_goes_stuck_as_not_found_and_the_pipeline_is_not_stalled()
    {
        var (s, _) = HealthyTenantWithOneWaitingKey(adminCount: false);

        s.AdvanceWithLookups(TimeSpan.FromHours(4));

        Assert.Equal([StuckKeyHint.UserNotFoundInAd], Assert.Single(s.Raised<KeySyncStuck>()).Hints);
        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void Keys_of_users_that_exist_in_AD_with_no_explanation_still_stall_the_pipeline()
    {
        var (s, admin) = HealthyTenantWithOneWaitingKey(adminCount: true);
        var gone = s.DescribedUser("gone");
        s.Register(gone, Guid.NewGuid(), EngineScenario.Start);
        var found = s.DescribedUser("found");
        s.Register(found, Guid.NewGuid(), EngineScenario.Start.AddMinutes(45));

        // "found" exists in AD without adminCount: once its key waited the stall window, nothing but the pipeline explains it.
        var unexplainedFrom = EngineScenario.Start.AddMinutes(45) + s.Engine.Thresholds.StallAfter;
        s.AdvanceWithLookups(unexplainedFrom - TimeSpan.FromMinutes(1) - s.Now, admin.User, found);
        Assert.Empty(s.Raised<SyncPipelineStalled>());
        s.AdvanceWithLookups(TimeSpan.FromHours(1), admin.User, found);

        var stalled = Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Equal(unexplainedFrom, stalled.DetectedAt);
        Assert.Equal(3, stalled.KeysWaiting);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_scan_smell_of_an_adminCount_user_explains_its_key_and_the_pipeline_is_not_stalled(bool adminCount)
    {
        // A scan that returns the holder without values (full-scan probe, or an incremental page) reports a smell that
        // carries the adminCount read with it: that user is known from then on and never looked up, so the smell must say it.
        var (s, waiting) = HealthyTenantWithOneWaitingKey(adminCount);
        s.Engine.ObserveAttributeUnreadable(waiting.User.ObjectGuid, waiting.User.Dn, adminSdHolderProtected: adminCount);

        s.AdvanceWithLookups(TimeSpan.FromHours(4));

        Assert.Empty(s.Engine.TakeAdLookups(100));
        var hints = Assert.Single(s.Raised<KeySyncStuck>()).Hints;
        Assert.Equal(adminCount, hints.Contains(StuckKeyHint.AdminSdHolderProtected));
        Assert.Contains(StuckKeyHint.AttributeUnreadable, hints);
        Assert.Equal(adminCount ? 0 : 1, s.Raised<SyncPipelineStalled>().Count());
    }

    [Fact]
    public void A_user_a_scan_returned_is_never_looked_up_and_its_waiting_key_stalls_the_pipeline()
    {
        var s = new EngineScenario();
        var seen = s.DescribedUser("seen");
        s.Scan(seen);
        s.Register(seen, Guid.NewGuid());

        s.AdvanceWithLookups(TimeSpan.FromHours(2), seen);

        Assert.Empty(s.Engine.TakeAdLookups(100));
        Assert.Single(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void A_user_is_looked_up_once_its_key_waited_past_one_cycle_and_again_at_most_once_a_cycle()
    {
        var s = new EngineScenario();
        var (ada, _, _) = s.UserWithKey("ada");
        var (synced, device, _) = s.UserWithKey("synced");
        var (seen, _, _) = s.UserWithKey("seen");
        s.Scan(seen);
        var cloud = s.NewUser("cloud");
        s.Describe(cloud, synced: false);
        s.Register(cloud, Guid.NewGuid());
        s.Advance(TimeSpan.FromMinutes(10));
        s.Scan(synced, TestUser.Value(device, EngineScenario.Start));

        s.Advance(Cycle - TimeSpan.FromMinutes(10));
        Assert.Empty(s.AnswerLookups());
        s.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([new AdLookupRequest(ada.EntraId, ada.ObjectGuid, null)], s.AnswerLookups());
        Assert.Empty(s.AnswerLookups());
        s.Advance(Cycle - TimeSpan.FromSeconds(1));
        Assert.Empty(s.AnswerLookups());
        s.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ada.EntraId, Assert.Single(s.AnswerLookups()).EntraUserId);
    }

    [Fact]
    public void At_most_the_given_number_of_users_is_handed_out_and_the_others_come_first_next_time()
    {
        var s = new EngineScenario();
        var users = Enumerable.Range(0, 3).Select(i => s.UserWithKey($"u{i}").User).ToArray();
        s.Advance(Cycle + TimeSpan.FromMinutes(1));

        var first = s.Engine.TakeAdLookups(2);
        s.Advance(TimeSpan.FromMinutes(1));
        var second = s.Engine.TakeAdLookups(2);

        Assert.Equal(2, first.Count);
        Assert.Equal(users.Select(u => u.EntraId).Except(first.Select(r => r.EntraUserId)), second.Select(r => r.EntraUserId));
    }

    [Fact]
    public void A_user_anchored_by_its_SID_only_is_looked_up_by_its_SID()
    {
        var s = new EngineScenario();
        var ada = s.NewUser();
        s.Describe(ada, bySid: true);
        s.Register(ada, Guid.NewGuid());
        s.Advance(Cycle + TimeSpan.FromMinutes(1));

        Assert.Equal([new AdLookupRequest(ada.EntraId, null, ada.Sid)], s.Engine.TakeAdLookups(100));
    }

    [Fact]
    public void A_looked_up_user_without_values_keeps_its_keys_in_AD_and_is_not_called_unreadable()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Scan(ada, TestUser.Value(device, EngineScenario.Start));

        s.LookedUp(ada);

        Assert.Equal(KeyState.Synced, key.State);
        Assert.Empty(s.Raised<NgcKeyRemovedFromAd>());
        s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromHours(2));
        Assert.Equal([StuckKeyHint.PipelineStalled], Assert.Single(s.Raised<KeySyncStuck>()).Hints);

        // A scan returning the user without the value does end it (the scan's own rule, kept).
        s.Scan(ada);
        Assert.Single(s.Raised<NgcKeyRemovedFromAd>());
    }

    [Fact]
    public void A_looked_up_user_with_its_value_syncs_the_waiting_key()
    {
        var s = new EngineScenario();
        var (ada, device, key) = s.UserWithKey();
        s.Advance(Cycle + TimeSpan.FromMinutes(1));
        Assert.Single(s.Engine.TakeAdLookups(100));

        s.LookedUp(ada, TestUser.Value(device, EngineScenario.Start));

        Assert.Equal(KeyState.Synced, key.State);
        Assert.Single(s.Raised<KeySynced>());
    }

    [Fact]
    public void An_already_stuck_key_gets_the_hints_a_late_lookup_finds_without_a_second_stuck_event()
    {
        var s = new EngineScenario();
        var ada = s.NewUser(adminCount: true);
        s.Describe(ada);
        var key = s.Register(ada, Guid.NewGuid());
        s.Advance(TimeSpan.FromHours(2));
        Assert.Equal([StuckKeyHint.UserNotFoundInAd, StuckKeyHint.PipelineStalled], key.Hints);

        Assert.Single(s.Engine.TakeAdLookups(100));
        s.Engine.ObserveLookedUpAdUser(ada.Observation());

        var changes = s.Engine.TakeChanges();
        Assert.Equal([StuckKeyHint.AdminSdHolderProtected, StuckKeyHint.PipelineStalled], key.Hints);
        Assert.Contains(key, changes.Keys);
        Assert.Empty(changes.Events);
        Assert.Single(s.Raised<KeySyncStuck>());
    }

    [Fact]
    public void New_anchors_from_Graph_void_a_confirmed_absence_and_are_looked_up_at_once()
    {
        var s = new EngineScenario();
        var (ada, _, _) = s.UserWithKey();
        s.Advance(Cycle + TimeSpan.FromMinutes(1));
        s.AnswerLookups();
        s.Describe(ada, bySid: true);

        Assert.Equal([new AdLookupRequest(ada.EntraId, null, ada.Sid)], s.AnswerLookups());
    }

    /// <summary>A healthy tenant (five keys synced within a cycle) and one key whose user no scan returns.</summary>
    private static (EngineScenario Scenario, (TestUser User, TrackedKey Key) Waiting) HealthyTenantWithOneWaitingKey(bool adminCount)
    {
        var s = new EngineScenario();
        var user = s.NewUser("waiting", adminCount);
        s.Describe(user);
        var key = s.Register(user, Guid.NewGuid());
        var healthy = Enumerable.Range(0, 5).Select(i => s.UserWithKey($"ok{i}")).ToArray();
        s.Advance(TimeSpan.FromMinutes(20));
        foreach (var (u, device, _) in healthy)
        {
            s.Scan(u, TestUser.Value(device, EngineScenario.Start));
        }

        Assert.All(healthy, h => Assert.Equal(KeyState.Synced, h.Key.State));
        return (s, (user, key));
    }
}
