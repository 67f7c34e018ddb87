using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class KeyMergerTests
{
    [Fact]
    public void A_listing_without_device_merges_by_time_only_when_one_key_qualifies()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser();
        var first = parts.WaitingKey(user, device: Guid.NewGuid());
        var listed = new EntraKeyObservation(user.UserId, null, null, "graph-1", null, parts.Now.AddMinutes(2));

        Assert.Same(first, parts.Merger.FindEntraKey(listed));

        parts.WaitingKey(user, created: parts.Now.AddMinutes(4), device: Guid.NewGuid());
        Assert.Null(parts.Merger.FindEntraKey(listed));
    }

    [Fact]
    public void Learning_the_device_folds_the_twin_kept_apart_into_the_key_further_along()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser();
        var device = Guid.NewGuid();
        var fromEvent = parts.WaitingKey(user, device: device);
        parts.Lifecycle.Stuck(fromEvent, [], ownCause: false);
        var listed = parts.WaitingKey(user, created: parts.Now.AddMinutes(1));
        listed.EntraKeyId = "graph-1";

        parts.Merger.Merge(listed, new EntraKeyObservation(user.UserId, null, device, "graph-1", null, parts.Now) { DeviceLookedUp = true });
        var kept = parts.Merger.DeviceLearned(listed);

        Assert.Same(fromEvent, kept);
        Assert.Equal("graph-1", kept.EntraKeyId);
        Assert.Equal([fromEvent], parts.State.Keys.OfEntraUser(user.UserId));
    }
}
