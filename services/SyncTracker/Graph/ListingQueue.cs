namespace Whfb.SyncTracker.Graph;

/// <summary>How much a user's listing matters when the throttling budget cannot list everyone at once.</summary>
public enum ListingPriority
{
    /// <summary>A key of the user waits for AD: whether it still exists decides stuck and removed.</summary>
    Pending = 0,

    /// <summary>Changed in the users delta, never listed yet, or an AD value of theirs waits to be confirmed unclaimed.</summary>
    New = 1,

    /// <summary>A re-check of a user whose keys are settled.</summary>
    Settled = 2,
}

/// <summary>
/// The users owed a WHfB method listing, kept across passes and taken most important first (pending, then new, then
/// settled; in the order they came within each). Adding a user already owed only raises its priority. The users of the
/// current full inventory are counted until listed, so <see cref="FullRoundOwed"/> says when a full inventory is complete.
/// </summary>
public sealed class ListingQueue
{
    private readonly Dictionary<Guid, Owed> _owed = [];
    private readonly PriorityQueue<Guid, (ListingPriority Priority, long Order)> _order = new();
    private long _sequence;

    public int Count => _owed.Count;

    /// <summary>Users of the current full inventory not listed yet.</summary>
    public int FullRoundOwed { get; private set; }

    /// <summary>Owed users that were never listed.</summary>
    public int NeverListed => _owed.Values.Count(o => o.NeverListed);

    public int CountOf(ListingPriority priority) => _owed.Values.Count(o => o.Priority == priority);

    public void Add(Guid user, ListingPriority priority, bool neverListed = false, bool fullRound = false)
    {
        if (_owed.TryGetValue(user, out var known))
        {
            var raised = priority < known.Priority;
            _owed[user] = known with
            {
                Priority = raised ? priority : known.Priority, NeverListed = known.NeverListed || neverListed, FullRound = known.FullRound || fullRound,
            };
            FullRoundOwed += fullRound && !known.FullRound ? 1 : 0;
            if (raised)
            {
                _order.Enqueue(user, (priority, _sequence++));
            }

            return;
        }

        _owed[user] = new Owed(priority, neverListed, fullRound);
        FullRoundOwed += fullRound ? 1 : 0;
        _order.Enqueue(user, (priority, _sequence++));
    }

    /// <summary>A new full inventory begins: users of the last one still owed stay owed but count for this one.</summary>
    public void StartFullRound()
    {
        foreach (var user in _owed.Where(o => o.Value.FullRound).Select(o => o.Key).ToList())
        {
            _owed[user] = _owed[user] with { FullRound = false };
        }

        FullRoundOwed = 0;
    }

    /// <summary>The most important owed user, handed out for listing (give it back with <see cref="Return"/> if it is not listed).</summary>
    public bool TryTake(out Guid user, out OwedListing listing)
    {
        while (_order.TryDequeue(out user, out var entry))
        {
            if (_owed.Remove(user, out var owed) && owed.Priority == entry.Priority)
            {
                listing = new OwedListing(owed.Priority, owed.NeverListed, owed.FullRound);
                FullRoundOwed -= owed.FullRound ? 1 : 0;
                return true;
            }

            if (owed is not null && owed.Priority != entry.Priority)
            {
                _owed[user] = owed; // a stale entry of a user whose priority was raised since: its newer entry comes later
            }
        }

        listing = default;
        return false;
    }

    /// <summary>A user taken but not listed (throttled, refused, the pass ended) is owed again, behind the others of its priority.</summary>
    public void Return(Guid user, OwedListing listing) => Add(user, listing.Priority, listing.NeverListed, listing.FullRound);

    private sealed record Owed(ListingPriority Priority, bool NeverListed, bool FullRound);
}

/// <summary>What was owed for a user taken from the <see cref="ListingQueue"/>.</summary>
public readonly record struct OwedListing(ListingPriority Priority, bool NeverListed, bool FullRound);
