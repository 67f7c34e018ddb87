using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>
/// An export that keeps flowing but more slowly than keys arrive is one backlog episode, not a stall and not a page
/// per key; a key the export passed over is told apart from one waiting its turn.
/// </summary>
public sealed class SyncBacklogTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void A_slow_export_opens_one_backlog_its_stuck_keys_point_at_and_ends_it_a_cycle_after_the_last_overdue_key_synced()
    {
        var s = new EngineScenario();
        var keys = Enumerable.Range(0, 30).Select(i => Registered(s, $"u{i}", EngineScenario.Start.AddMinutes(i))).ToList();

        // Entra Connect exports the 4 oldest waiting keys every cycle, the first one 30 minutes in; the users are in AD.
        var inAd = keys.Select(k => k.User).ToArray();
        for (var cycle = 0; cycle < 10; cycle++)
        {
            s.AdvanceWithLookups(Cycle, inAd);
            foreach (var (user, device, created) in keys.Skip(cycle * 4).Take(4))
            {
                s.Scan(user, TestUser.Value(device, created));
            }
        }

        s.Advance(Cycle * 2);

        // The 9th key (created 8 minutes in) is the first to wait past the threshold, 75 minutes: keys 1-8 synced in two cycles.
        var detected = Assert.Single(s.Raised<SyncBacklogDetected>());
        Assert.Equal(EngineScenario.Start.AddMinutes(83), detected.DetectedAt);
        Assert.Equal(22, detected.KeysWaiting);
        Assert.Equal(4, detected.KeysPerCycle);
        Assert.Equal(TimeSpan.FromMinutes(75), detected.OldestWaiting);
        Assert.Equal(Cycle * 5.5, detected.EstimatedDrain);
        var cleared = Assert.Single(s.Raised<SyncBacklogCleared>());
        Assert.Equal(detected.DetectedAt, cleared.BacklogSince);
        Assert.Empty(s.Raised<SyncPipelineStalled>());
        var stuck = s.Raised<KeySyncStuck>().ToList();
        Assert.Equal(22, stuck.Count);
        Assert.All(stuck, k => Assert.Equal([StuckKeyHint.PipelineBacklog], k.Hints));
        Assert.Equal(22, s.Raised<KeySyncRecovered>().Count());
        Assert.Null(s.Engine.Pipeline.BacklogSince);
    }

    [Fact]
    public void A_key_the_export_passed_over_goes_stuck_with_its_own_hint_and_opens_no_backlog()
    {
        var s = new EngineScenario();
        // Its user is in AD (the scan sees it without the value): an export error of the key's own.
        var skipped = Registered(s, "skipped", EngineScenario.Start);
        s.Scan(skipped.User);
        for (var i = 1; i <= 6; i++)
        {
            var later = Registered(s, $"later{i}", s.Now);
            s.Advance(TimeSpan.FromMinutes(20));
            s.Scan(later.User, TestUser.Value(later.Device, later.Created));
        }

        var stuck = Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Equal(skipped.User.EntraId, stuck.Key.UserId);
        Assert.Equal([StuckKeyHint.PassedOverByExport], stuck.Hints);
        Assert.Empty(s.Raised<SyncBacklogDetected>());
        Assert.Empty(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void A_user_merely_not_seen_in_AD_yet_is_no_cause_of_its_own_but_one_with_adminCount_is()
    {
        var s = new EngineScenario();
        var unseen = Registered(s, "unseen", EngineScenario.Start);
        var admin = s.NewUser("admin", adminCount: true);
        s.Describe(admin);
        s.Scan(admin);
        s.Register(admin, Guid.NewGuid(), EngineScenario.Start);

        s.Advance(TimeSpan.FromHours(2));

        var stuck = s.Raised<KeySyncStuck>().ToDictionary(k => k.Key.UserId);
        Assert.Equal([StuckKeyHint.UserNotFoundInAd, StuckKeyHint.PipelineStalled], stuck[unseen.User.EntraId].Hints);
        Assert.False(stuck[unseen.User.EntraId].OwnCause);
        Assert.Equal([StuckKeyHint.AdminSdHolderProtected, StuckKeyHint.PipelineStalled], stuck[admin.EntraId].Hints);
        Assert.True(stuck[admin.EntraId].OwnCause);
    }

    [Fact]
    public void A_stall_ends_the_backlog_it_supersedes()
    {
        var s = new EngineScenario();
        var keys = Enumerable.Range(0, 12).Select(i => Registered(s, $"u{i}", EngineScenario.Start.AddMinutes(i))).ToList();
        s.Advance(Cycle);
        foreach (var (user, device, created) in keys.Take(2))
        {
            s.Scan(user, TestUser.Value(device, created));
        }

        s.Advance(Cycle * 4);

        var detected = Assert.Single(s.Raised<SyncBacklogDetected>());
        var stalled = Assert.Single(s.Raised<SyncPipelineStalled>());
        var cleared = Assert.Single(s.Raised<SyncBacklogCleared>());
        Assert.Equal(stalled.DetectedAt, cleared.ClearedAt);
        Assert.True(detected.DetectedAt < stalled.DetectedAt);
        Assert.True(s.Events.IndexOf(cleared) < s.Events.IndexOf(stalled));
    }

    private static (TestUser User, Guid Device, DateTimeOffset Created) Registered(EngineScenario s, string name, DateTimeOffset created)
    {
        var user = s.NewUser(name);
        s.Describe(user);
        var device = Guid.NewGuid();
        s.Register(user, device, created);
        return (user, device, created);
    }
}
