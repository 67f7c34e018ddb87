using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// One pass over the users owed a WHfB method listing, most important first (<see cref="ListingQueue"/>), until the queue
/// is empty or the deadline passes. Listings go in $batch requests of as many steps as the budget lets through
/// (<see cref="MethodReader.StepsPerBatch"/>) and are saved in groups of <see cref="SaveEvery"/> users while the next
/// $batch is on its way. The save hands back the listings whose keys need their device (the engine's rule); those wait
/// for single GETs with $expand=device and are saved with the answers. A throttled listing or lookup goes back to the
/// queue, asked again at most MaxRetryRounds times in the pass; then it waits for the next pass. When Graph refuses the
/// feature (every step of a $batch 403 for a missing permission), the pass stops: the users stay owed.
/// </summary>
/// <param name="progress">Called after each $batch (from the pass's own flow, which alone touches the queue).</param>
internal sealed class MethodPass(
    MethodReader reader, Func<IReadOnlyList<MethodListing>, CancellationToken, Task<IReadOnlyList<DeferredListing>>> save,
    GraphInventoryOptions options, TimeProvider time, Action progress)
{
    public const int SaveEvery = 100;

    public async Task<PassOutcome> RunAsync(ListingQueue queue, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<Guid, OwedListing>();
        var attempts = new Dictionary<Guid, int>();
        var later = new List<Guid>();
        var pending = new PendingDevices(options.MaxRetryRounds);
        var unsaved = new List<MethodListing>();
        var (listed, denial) = (0, (GraphDenial?)null);
        Task<IReadOnlyList<DeferredListing>> saving = Task.FromResult<IReadOnlyList<DeferredListing>>([]);
        while (true)
        {
            var open = denial is null && time.GetUtcNow() < deadline;
            if (denial is null && (pending.Queued >= reader.StepsPerBatch || (pending.Queued > 0 && !(open && queue.Count > 0))))
            {
                var round = await reader.DevicesAsync(pending.Next(reader.StepsPerBatch), cancellationToken);
                denial = round.Denial;
                var (ready, givenUp) = pending.Apply(round);
                unsaved.AddRange(ready);
                later.AddRange(givenUp);
            }
            else if (open && Take(queue, taken, reader.StepsPerBatch) is { Count: > 0 } users)
            {
                var round = await reader.ListAsync(users, cancellationToken);
                denial = round.Denial;
                unsaved.AddRange(round.Listings);
                listed += round.Listings.Count;
                foreach (var user in round.Retry)
                {
                    attempts[user] = attempts.GetValueOrDefault(user) + 1;
                    if (denial is null && attempts[user] <= options.MaxRetryRounds)
                    {
                        queue.Return(user, taken[user]);
                    }
                    else
                    {
                        later.Add(user);
                    }
                }
            }

            progress();
            var takingDone = denial is not null || time.GetUtcNow() >= deadline || queue.Count == 0;
            var drained = takingDone && (pending.Queued == 0 || denial is not null);
            if (unsaved.Count < SaveEvery && !drained)
            {
                continue;
            }

            pending.Hold(await saving);
            saving = save([.. unsaved], cancellationToken);
            unsaved.Clear();
            if (drained && pending.Queued == 0)
            {
                // The last save may still hold listings back for their devices: then the pass goes on with their lookups.
                pending.Hold(await saving);
                saving = Task.FromResult<IReadOnlyList<DeferredListing>>([]);
                if (pending.Queued == 0 || denial is not null)
                {
                    break;
                }
            }
        }

        // Users not listed in this pass are owed again: throttled too often, held for a lookup that never came, refused.
        foreach (var user in later.Concat(pending.HeldUsers).Distinct())
        {
            queue.Return(user, taken[user]);
        }

        return new PassOutcome(listed, denial);
    }

    private static List<Guid> Take(ListingQueue queue, Dictionary<Guid, OwedListing> taken, int count)
    {
        var chunk = new List<Guid>(count);
        while (chunk.Count < count && queue.TryTake(out var user, out var owed))
        {
            taken[user] = owed;
            chunk.Add(user);
        }

        return chunk;
    }
}

/// <summary>What a pass did: how many listings Graph answered, and Graph's refusal when it stopped on one.</summary>
internal sealed record PassOutcome(int Listed, GraphDenial? Denial);
