using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class StuckDiagnosisTests
{
    [Fact]
    public void An_anchored_user_no_scan_returned_is_not_found_in_AD_but_explains_nothing_until_a_lookup_confirms_it()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        var key = parts.WaitingKey(user);

        Assert.Equal([StuckKeyHint.UserNotFoundInAd], parts.Diagnosis.Hints(key));
        Assert.False(parts.Diagnosis.ExplainedByUser(key));

        parts.State.Users.Put(new AdLookup
        {
            TenantId = parts.State.TenantId, EntraUserId = user.UserId, ObjectGuid = user.OnPremisesObjectGuid, ConfirmedAbsent = true,
        });
        Assert.True(parts.Diagnosis.ExplainedByUser(key));
    }

    [Fact]
    public void An_unanchored_user_is_out_of_sync_scope_and_a_stalled_pipeline_is_added()
    {
        var parts = new EngineParts();
        var key = parts.WaitingKey(parts.EntraUser());
        parts.State.Pipeline.StalledSince = parts.Now;

        Assert.Equal([StuckKeyHint.UserOutOfSyncScope, StuckKeyHint.PipelineStalled], parts.Diagnosis.Hints(key));
        Assert.True(parts.Diagnosis.ExplainedByUser(key));
    }

    [Fact]
    public void A_stuck_key_takes_its_users_new_hints_and_keeps_the_stalled_pipeline()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        var key = parts.WaitingKey(user);
        parts.Lifecycle.Stuck(key, [StuckKeyHint.UserNotFoundInAd, StuckKeyHint.PipelineStalled], ownCause: false);
        parts.TakeEvents();
        parts.AdUserOf(user, adminSdHolderProtected: true);

        parts.Diagnosis.RefreshStuckHints(user);

        Assert.Equal([StuckKeyHint.AdminSdHolderProtected, StuckKeyHint.PipelineStalled], key.Hints);
        Assert.Contains(key, parts.State.TakeChanges().Keys);
    }
}
