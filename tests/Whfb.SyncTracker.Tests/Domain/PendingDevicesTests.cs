using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Graph;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>Listings held for their keys' device lookups: answers, 404s and lookups throttled too often.</summary>
public sealed class PendingDevicesTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly MethodListing Listing = new(User,
    [
        new EntraKeyObservation(User, null, null, "m-lap", null, EngineScenario.Start),
        new EntraKeyObservation(User, null, null, "m-desk", null, EngineScenario.Start.AddMinutes(3)),
        new EntraKeyObservation(User, null, null, "m-old", null, EngineScenario.Start.AddDays(-40)),
    ], EngineScenario.Start.AddMinutes(5));

    [Fact]
    public void Answers_give_the_keys_their_devices_and_a_method_deleted_meanwhile_leaves_the_listing()
    {
        var pending = new PendingDevices(maxRetryRounds: 2);
        pending.Hold([new DeferredListing(Listing, ["m-lap", "m-desk"])]);
        var (lap, desk) = (new DeviceLookup(User, "m-lap"), new DeviceLookup(User, "m-desk"));
        Assert.Equal([lap, desk], pending.Next(20));
        var laptop = Guid.NewGuid();

        Assert.Empty(pending.Apply(new LookupRound([(lap, laptop)], [], [desk])).Ready);
        Assert.Equal([desk], pending.Next(20));
        var (ready, givenUp) = pending.Apply(new LookupRound([], [desk], []));

        var listing = Assert.Single(ready);
        Assert.True(listing.DevicesLookedUp);
        Assert.Equal([("m-lap", laptop), ("m-old", (Guid?)null)], listing.Keys.Select(k => (k.EntraKeyId, k.DeviceId)));
        Assert.Empty(givenUp);
        Assert.Equal(0, pending.Queued);
    }

    [Fact]
    public void A_lookup_throttled_more_than_the_retry_rounds_gives_its_user_up_with_its_other_lookups()
    {
        var pending = new PendingDevices(maxRetryRounds: 1);
        pending.Hold([new DeferredListing(Listing, ["m-lap", "m-desk"])]);
        var (lap, desk) = (new DeviceLookup(User, "m-lap"), new DeviceLookup(User, "m-desk"));
        Assert.Equal([lap], pending.Next(1));

        Assert.Empty(pending.Apply(new LookupRound([], [], [lap])).GivenUp);
        Assert.Equal([desk, lap], pending.Next(20));
        var (ready, givenUp) = pending.Apply(new LookupRound([], [], [desk, lap]));

        Assert.Empty(ready);
        Assert.Equal([User], givenUp);
        Assert.Equal(0, pending.Queued);
    }
}
