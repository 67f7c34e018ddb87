namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// Whether keys wait because Entra Connect exports more slowly than they arrive. Entra Connect is taken to export a
/// cycle's pending changes roughly oldest first (no order is documented); a key is part of the backlog until keys
/// created a cycle or more after it have reached AD: then it was passed over and has an export problem of its own. The
/// margin is in creation time, not keys: the creation times SyncTracker knows (device or Graph) and the order Entra
/// Connect exports in differ by seconds, and a slow export moves its frontier by only seconds of creation time per cycle.
/// </summary>
internal sealed class BacklogMonitor(SyncThresholds thresholds)
{
    public ExportFlow Flow { get; } = new(thresholds.StallAfter);

    public bool PassedOver(TrackedKey key) =>
        key.CreatedInEntraAt is { } created && Flow.Frontier is { } frontier && frontier - created >= thresholds.Cycle;

    /// <summary>Reads the backlog among <paramref name="waiting"/>, leaving out keys <paramref name="explainedByUser"/> and those passed over.</summary>
    public BacklogReading Read(IEnumerable<TrackedKey> waiting, Func<TrackedKey, bool> explainedByUser, DateTimeOffset now)
    {
        Flow.Prune(now);
        var since = now - Flow.Window;
        var (count, overdue, arrived, oldest) = (0, 0, 0, TimeSpan.Zero);
        foreach (var key in waiting)
        {
            if (key.CreatedInEntraAt is not { } created)
            {
                continue;
            }

            arrived += created > since ? 1 : 0;
            if (explainedByUser(key) || PassedOver(key))
            {
                continue;
            }

            var age = now - created;
            count++;
            overdue += age >= thresholds.StuckAfter ? 1 : 0;
            oldest = age > oldest ? age : oldest;
        }

        var cycles = Flow.Window / thresholds.Cycle;
        var rate = Flow.Synced / cycles;
        var arriving = (arrived + Flow.SyncedCreatedAfter(since)) / cycles;
        return new BacklogReading(count, overdue, rate, arriving, oldest, rate > 0 ? thresholds.Cycle * (count / rate) : null);
    }
}
