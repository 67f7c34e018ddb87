using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Tests.Domain;

public sealed class PipelineStallTests
{
    [Fact]
    public void Stalled_pipeline_raises_one_alert_and_one_recovery()
    {
        var s = new EngineScenario();
        var users = Enumerable.Range(0, 3).Select(i => s.NewUser($"u{i}")).ToArray();
        var devices = users.Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (user, device) in users.Zip(devices))
        {
            s.Describe(user);
            s.Register(user, device);
        }

        s.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(s.Raised<SyncPipelineStalled>());
        s.Advance(TimeSpan.FromMinutes(1));
        var stalled = Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Equal(3, stalled.KeysWaiting);
        Assert.Null(stalled.LastKeySyncedAt);

        s.Advance(TimeSpan.FromHours(5));
        Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.All(s.Raised<KeySyncStuck>(), e => Assert.Contains(StuckKeyHint.PipelineStalled, e.Hints));
        Assert.Equal(3, s.Raised<KeySyncStuck>().Count());

        s.Scan(users[0], TestUser.Value(devices[0], EngineScenario.Start));
        var recovered = Assert.Single(s.Raised<SyncPipelineRecovered>());
        Assert.Equal(stalled.DetectedAt, recovered.StalledSince);
        Assert.Equal(2, recovered.KeysWaiting);

        s.Advance(TimeSpan.FromMinutes(30));
        s.Scan(users[1], TestUser.Value(devices[1], EngineScenario.Start));
        s.Advance(TimeSpan.FromMinutes(30));
        Assert.Single(s.Raised<SyncPipelineStalled>());
        Assert.Single(s.Raised<SyncPipelineRecovered>());
    }

    [Fact]
    public void Pipeline_is_not_stalled_while_other_keys_keep_syncing()
    {
        var s = new EngineScenario();
        var stuckUser = s.NewUser("stuck");
        s.Describe(stuckUser);
        s.Register(stuckUser, Guid.NewGuid());
        for (var i = 0; i < 8; i++)
        {
            var u = s.NewUser($"ok{i}");
            s.Describe(u);
            var device = Guid.NewGuid();
            s.Register(u, device);
            s.Advance(TimeSpan.FromMinutes(30));
            s.Scan(u, TestUser.Value(device, s.Now.AddMinutes(-30)));
        }

        Assert.Empty(s.Raised<SyncPipelineStalled>());
        Assert.Single(s.Raised<KeySyncStuck>());
    }
}
