using Whfb.SyncTracker.Graph;

namespace Whfb.SyncTracker.Tests.Graph;

/// <summary>Users owed a listing are taken most important first, and a full inventory counts until each of its users was listed.</summary>
public sealed class ListingQueueTests
{
    private static readonly Guid[] Users = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];

    [Fact]
    public void Pending_then_new_then_settled_each_in_arrival_order_and_a_raised_user_moves_up()
    {
        var queue = new ListingQueue();
        queue.Add(Users[0], ListingPriority.Settled);
        queue.Add(Users[1], ListingPriority.Settled);
        queue.Add(Users[2], ListingPriority.New);
        queue.Add(Users[3], ListingPriority.Pending);
        queue.Add(Users[1], ListingPriority.Pending);
        queue.Add(Users[3], ListingPriority.Settled);

        Assert.Equal([Users[3], Users[1], Users[2], Users[0]], TakeAll(queue));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_user_given_back_is_owed_again_behind_the_others_of_its_priority()
    {
        var queue = new ListingQueue();
        queue.Add(Users[0], ListingPriority.Pending);
        queue.Add(Users[1], ListingPriority.Pending);
        queue.Add(Users[2], ListingPriority.Settled);

        Assert.True(queue.TryTake(out var first, out var owed));
        queue.Return(first, owed);

        Assert.Equal([Users[1], Users[0], Users[2]], TakeAll(queue));
    }

    [Fact]
    public void A_full_inventory_is_owed_until_its_last_user_is_taken_and_never_listed_users_are_counted()
    {
        var queue = new ListingQueue();
        queue.Add(Users[4], ListingPriority.Pending);
        queue.StartFullRound();
        queue.Add(Users[0], ListingPriority.Settled, fullRound: true);
        queue.Add(Users[1], ListingPriority.New, neverListed: true, fullRound: true);
        queue.Add(Users[4], ListingPriority.Settled, fullRound: true);
        Assert.Equal((3, 1, 1), (queue.FullRoundOwed, queue.NeverListed, queue.CountOf(ListingPriority.Pending)));

        Assert.True(queue.TryTake(out var pending, out var owed));
        Assert.Equal((Users[4], ListingPriority.Pending, true), (pending, owed.Priority, owed.FullRound));
        Assert.Equal(2, queue.FullRoundOwed);
        queue.Return(pending, owed);
        Assert.Equal(3, queue.FullRoundOwed);

        TakeAll(queue);
        Assert.Equal((0, 0), (queue.FullRoundOwed, queue.NeverListed));
    }

    private static List<Guid> TakeAll(ListingQueue queue)
    {
        var taken = new List<Guid>();
        while (queue.TryTake(out var user, out _))
        {
            taken.Add(user);
        }

        return taken;
    }
}
