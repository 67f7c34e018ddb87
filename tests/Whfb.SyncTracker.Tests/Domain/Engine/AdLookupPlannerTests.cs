using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class AdLookupPlannerTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void A_user_whose_key_waited_past_a_cycle_is_looked_up_once_a_cycle()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        parts.WaitingKey(user);
        parts.Time.Advance(Cycle);
        Assert.Empty(parts.Lookups.TakeAdLookups(10));

        parts.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([new AdLookupRequest(user.UserId, user.OnPremisesObjectGuid, null)], parts.Lookups.TakeAdLookups(10));
        Assert.Empty(parts.Lookups.TakeAdLookups(10));

        parts.Time.Advance(Cycle);
        Assert.Single(parts.Lookups.TakeAdLookups(10));
    }

    [Fact]
    public void Absent_from_AD_is_confirmed_and_a_later_sighting_voids_it()
    {
        var parts = new EngineParts();
        var user = parts.EntraUser(Guid.NewGuid());
        parts.WaitingKey(user);
        parts.Time.Advance(Cycle * 2);
        var request = Assert.Single(parts.Lookups.TakeAdLookups(10));

        parts.Lookups.ObserveAbsentFromAd(request);
        Assert.True(parts.State.Users.LookupOf(user.UserId)!.ConfirmsAbsent(user));

        parts.Lookups.ObserveLookedUpAdUser(new AdUserObservation(user.OnPremisesObjectGuid!.Value, "CN=ada", null, null, false, []));
        Assert.False(parts.State.Users.LookupOf(user.UserId)!.ConfirmedAbsent);
        Assert.Empty(parts.Lookups.TakeAdLookups(10));
    }
}
