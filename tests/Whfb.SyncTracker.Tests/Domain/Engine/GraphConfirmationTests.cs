using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed class GraphConfirmationTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void Without_Graph_listings_every_verdict_is_confirmed_at_once()
    {
        var parts = new EngineParts();
        var key = parts.WaitingKey(parts.EntraUser());

        Assert.True(parts.Confirmation.StillListed(key));
    }

    [Fact]
    public void A_waiting_key_is_still_listed_only_by_a_listing_asked_a_cycle_after_it_was_created()
    {
        var parts = new EngineParts(confirmsWithGraph: true);
        var user = parts.EntraUser();
        var key = parts.WaitingKey(user);

        user.KeysListedAt = parts.Now + Cycle - TimeSpan.FromSeconds(1);
        Assert.False(parts.Confirmation.StillListed(key));
        user.KeysListedAt = parts.Now + Cycle;
        Assert.True(parts.Confirmation.StillListed(key));
    }

    [Fact]
    public void An_unclaimed_value_of_an_unknown_user_waits_for_a_users_round_begun_after_it_appeared()
    {
        var parts = new EngineParts(confirmsWithGraph: true);
        var value = parts.LoadedKey(KeyState.Unmatched);
        value.EntraUserId = null;

        parts.Confirmation.ObserveUsersListed(parts.Now - TimeSpan.FromMinutes(1));
        Assert.False(parts.Confirmation.NoEntraKeyConfirmed(value));
        parts.Confirmation.ObserveUsersListed(parts.Now);
        Assert.True(parts.Confirmation.NoEntraKeyConfirmed(value));
        Assert.True(parts.State.TakeChanges().PipelineChanged);
    }
}
