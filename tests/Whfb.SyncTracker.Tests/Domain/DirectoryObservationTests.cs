using Whfb.Contracts.Health;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>An AD that cannot be read is its own episode, never a stalled pipeline or stuck keys.</summary>
public sealed class DirectoryObservationTests
{
    private static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(10);
    private static readonly string[] Servers = ["ldaps://dc1:636/", "ldaps://dc2:636/"];

    [Fact]
    public void While_no_dc_answers_keys_are_not_stuck_nor_the_pipeline_stalled_and_one_episode_is_raised()
    {
        var s = new EngineScenario();
        var (_, _, key) = s.UserWithKey();
        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);
        s.Advance(TimeSpan.FromMinutes(5));

        for (var i = 0; i < 100; i++)
        {
            s.Engine.ObserveDirectoryFailure(Servers, "No domain controller answered", episodeAfter: 2);
            s.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(s.Raised<KeySyncStuck>());
        Assert.Empty(s.Raised<SyncPipelineStalled>());
        Assert.Equal(KeyState.AwaitingAd, s.Engine.Find(key.Id)!.State);
        var episode = Assert.Single(s.Raised<DirectoryUnreachable>());
        Assert.Equal(EngineScenario.Start.AddMinutes(5), episode.Since);
        Assert.Equal(EngineScenario.Start.AddMinutes(6), episode.DetectedAt);
        Assert.Equal(Servers, episode.Servers);
    }

    [Fact]
    public void A_single_failed_scan_is_no_episode_but_still_no_conclusion()
    {
        var s = new EngineScenario();
        s.UserWithKey();
        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);
        s.Advance(TimeSpan.FromMinutes(80));
        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);

        s.Engine.ObserveDirectoryFailure(Servers, "timed out", episodeAfter: 2);
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(s.Raised<DirectoryUnreachable>());
        Assert.False(s.Engine.AdObservationCurrent);
    }

    [Fact]
    public void When_the_directory_answers_again_the_episode_ends_and_the_clock_resumes()
    {
        var s = new EngineScenario();
        s.UserWithKey();
        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);
        s.Engine.ObserveDirectoryFailure(Servers, "down", episodeAfter: 1);
        s.Advance(TimeSpan.FromMinutes(90));
        Assert.Empty(s.Raised<KeySyncStuck>());

        s.Engine.ObserveDirectoryScanned("ldaps://dc2:636/", s.Now, ValidFor);
        s.Advance(TimeSpan.FromMinutes(1));

        var back = Assert.Single(s.Raised<DirectoryReachable>());
        Assert.Equal("ldaps://dc2:636/", back.Server);
        Assert.Equal(EngineScenario.Start, back.UnreachableSince);
        Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Single(s.Raised<SyncPipelineStalled>());
    }

    [Fact]
    public void A_scan_older_than_its_validity_stops_conclusions_until_a_newer_one()
    {
        var s = new EngineScenario();
        s.UserWithKey();
        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);

        s.Advance(TimeSpan.FromMinutes(120));
        Assert.Empty(s.Raised<KeySyncStuck>());
        Assert.Empty(s.Raised<SyncPipelineStalled>());

        s.Engine.ObserveDirectoryScanned("ldaps://dc1:636/", s.Now, ValidFor);
        s.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(s.Raised<KeySyncStuck>());
        Assert.Empty(s.Raised<DirectoryUnreachable>());
    }
}
