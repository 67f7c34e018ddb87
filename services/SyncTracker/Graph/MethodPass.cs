namespace Whfb.SyncTracker.Graph;

/// <summary>
/// One pass over users' WHfB methods. Listings go in $batch requests of BatchSize and are saved in groups of
/// <see cref="SaveEvery"/> users while the next $batch is on its way. The save hands back the listings whose keys need
/// their device (the engine's rule); those wait for single GETs with $expand=device, BatchSize to a $batch, and are saved
/// with the answers. A throttled listing or lookup goes round again, each at most MaxRetryRounds times in the pass; users
/// still owed after that are returned, to be carried to the next pass.
/// </summary>
internal sealed class MethodPass(
    MethodReader reader, Func<IReadOnlyList<MethodListing>, CancellationToken, Task<IReadOnlyList<DeferredListing>>> save, GraphInventoryOptions options)
{
    public const int SaveEvery = 100;

    public async Task<IReadOnlySet<Guid>> RunAsync(IEnumerable<Guid> users, CancellationToken cancellationToken)
    {
        var queue = new Queue<Guid>(users);
        var attempts = new Dictionary<Guid, int>();
        var carried = new HashSet<Guid>();
        var pending = new PendingDevices(options.MaxRetryRounds);
        var unsaved = new List<MethodListing>();
        Task<IReadOnlyList<DeferredListing>> saving = Task.FromResult<IReadOnlyList<DeferredListing>>([]);
        while (true)
        {
            if (pending.Queued >= options.BatchSize || (queue.Count == 0 && pending.Queued > 0))
            {
                var (ready, givenUp) = pending.Apply(await reader.DevicesAsync(pending.Next(options.BatchSize), cancellationToken));
                unsaved.AddRange(ready);
                carried.UnionWith(givenUp);
            }
            else if (queue.Count > 0)
            {
                var round = await reader.ListAsync(Take(queue, options.BatchSize), cancellationToken);
                unsaved.AddRange(round.Listings);
                foreach (var user in round.Retry)
                {
                    attempts[user] = attempts.GetValueOrDefault(user) + 1;
                    if (attempts[user] > options.MaxRetryRounds)
                    {
                        carried.Add(user);
                    }
                    else
                    {
                        queue.Enqueue(user);
                    }
                }
            }

            var drained = queue.Count == 0 && pending.Queued == 0;
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
                if (pending.Queued == 0)
                {
                    return carried;
                }
            }
        }
    }

    private static List<Guid> Take(Queue<Guid> queue, int count)
    {
        var chunk = new List<Guid>(count);
        while (chunk.Count < count && queue.TryDequeue(out var user))
        {
            chunk.Add(user);
        }

        return chunk;
    }
}
