namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Listings held back until the devices of some of their keys are looked up. A held listing is released once each of
/// its lookups is answered (the device) or gone (404: the key is dropped from the listing). A lookup asked again more
/// than MaxRetryRounds times (throttled) gives its user up for this pass: its listing waits for the next one.
/// </summary>
public sealed class PendingDevices(int maxRetryRounds)
{
    private readonly Dictionary<Guid, Held> _held = [];
    private readonly Dictionary<DeviceLookup, int> _attempts = [];
    private Queue<DeviceLookup> _queue = new();

    /// <summary>Lookups waiting to be sent.</summary>
    public int Queued => _queue.Count;

    /// <summary>Users whose listing is still held for a lookup.</summary>
    public IReadOnlyCollection<Guid> HeldUsers => _held.Keys;

    public void Hold(IEnumerable<DeferredListing> deferred)
    {
        foreach (var (listing, methodIds) in deferred)
        {
            _held[listing.UserId] = new Held(listing, [.. methodIds]);
            foreach (var methodId in methodIds)
            {
                _queue.Enqueue(new DeviceLookup(listing.UserId, methodId));
            }
        }
    }

    public List<DeviceLookup> Next(int count)
    {
        var next = new List<DeviceLookup>(Math.Min(count, _queue.Count));
        while (next.Count < count && _queue.TryDequeue(out var lookup))
        {
            next.Add(lookup);
        }

        return next;
    }

    /// <summary>Takes one round's answers: the listings now complete (with their devices), and the users given up.</summary>
    public (List<MethodListing> Ready, List<Guid> GivenUp) Apply(LookupRound round)
    {
        foreach (var (lookup, device) in round.Answered)
        {
            _held.GetValueOrDefault(lookup.UserId)?.Answer(lookup.MethodId, device);
        }

        foreach (var lookup in round.Gone)
        {
            _held.GetValueOrDefault(lookup.UserId)?.Answer(lookup.MethodId, null, gone: true);
        }

        var givenUp = new List<Guid>();
        foreach (var lookup in round.Retry.Where(l => _held.ContainsKey(l.UserId)))
        {
            _attempts[lookup] = _attempts.GetValueOrDefault(lookup) + 1;
            if (_attempts[lookup] <= maxRetryRounds)
            {
                _queue.Enqueue(lookup);
            }
            else if (_held.Remove(lookup.UserId))
            {
                givenUp.Add(lookup.UserId);
            }
        }

        if (givenUp.Count > 0)
        {
            _queue = new Queue<DeviceLookup>(_queue.Where(l => _held.ContainsKey(l.UserId)));
        }

        var ready = _held.Values.Where(h => h.Open.Count == 0).ToList();
        foreach (var held in ready)
        {
            _held.Remove(held.Listing.UserId);
        }

        return ([.. ready.Select(h => h.Listing.WithDevices(h.Devices, h.Gone))], givenUp);
    }

    private sealed record Held(MethodListing Listing, HashSet<string> Open)
    {
        public Dictionary<string, Guid?> Devices { get; } = [];

        public HashSet<string> Gone { get; } = [];

        public void Answer(string methodId, Guid? device, bool gone = false)
        {
            Open.Remove(methodId);
            Devices[methodId] = device;
            if (gone)
            {
                Gone.Add(methodId);
            }
        }
    }
}
