using Whfb.Contracts.Health;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class DirectoryMonitorTests
{
    [Fact]
    public void The_third_failure_in_a_row_opens_one_episode_dated_from_the_first_and_a_scan_closes_it()
    {
        var parts = new EngineParts();
        var first = parts.Now;
        for (var i = 0; i < 4; i++)
        {
            parts.Directory.ObserveDirectoryFailure(["ldap://dc1"], "refused", episodeAfter: 3);
            parts.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.False(parts.Directory.AdObservationCurrent);
        Assert.Equal(first, Assert.IsType<DirectoryUnreachable>(Assert.Single(parts.TakeEvents())).Since);

        parts.Directory.ObserveDirectoryScanned("ldap://dc2", parts.Now, TimeSpan.FromHours(1));

        Assert.Equal(first, Assert.IsType<DirectoryReachable>(Assert.Single(parts.TakeEvents())).UnreachableSince);
        Assert.True(parts.Directory.AdObservationCurrent);
        parts.Time.Advance(TimeSpan.FromHours(2));
        Assert.False(parts.Directory.AdObservationCurrent);
    }
}
