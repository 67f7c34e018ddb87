using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The Entra side from Graph for one tenant, on a schedule: users delta (anchors) every DeltaInterval; a full inventory
/// (userRegistrationDetails filtered on WHfB, plus users already holding Entra keys) at start and every
/// SettledRecheckInterval; users with keys waiting for AD every PendingRecheckInterval; users changed in the delta at once.
/// Their methods are listed in $batch requests; users whose step was throttled are carried to the next pass.
/// </summary>
public sealed partial class GraphInventory(
    SyncCoordinator coordinator, GraphGateway gateway, GraphInventoryOptions options, Guid tenantId, TimeProvider time, ILogger logger)
{
    private const int SaveEvery = 100;
    private readonly MethodBatchReader _reader = new(gateway, options, logger);
    private readonly UsersDeltaSync _delta = new(coordinator, gateway, tenantId);
    private readonly HashSet<Guid> _carried = [];
    private DateTimeOffset? _lastDelta;
    private DateTimeOffset? _lastFull;
    private DateTimeOffset? _lastPending;

    /// <summary>Users whose listing is still owed (throttled steps), listed first at the next pass.</summary>
    public int CarriedUsers => _carried.Count;

    /// <summary>True once a full inventory completed without leaving users behind.</summary>
    public bool Complete => _lastFull is not null && _carried.Count == 0;

    /// <summary>Runs whatever is due now; throttling that outlasts the retries leaves the rest for the next pass.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var users = new HashSet<Guid>(_carried);
        if (Due(_lastDelta, options.DeltaInterval, now))
        {
            users.UnionWith(await _delta.RunAsync(cancellationToken));
            _lastDelta = now;
        }

        if (Due(_lastFull, options.SettledRecheckInterval, now))
        {
            users.UnionWith(await WhfbUsersAsync(cancellationToken));
            users.UnionWith(await FromEngineAsync(e => e.UsersWithEntraKeys(), cancellationToken));
            (_lastFull, _lastPending) = (now, now);
        }
        else if (Due(_lastPending, options.PendingRecheckInterval, now))
        {
            users.UnionWith(await FromEngineAsync(e => e.UsersWithPendingKeys(), cancellationToken));
            _lastPending = now;
        }

        _carried.Clear();
        await ListAsync(users, cancellationToken);
        LogPass(logger, users.Count, _carried.Count);
    }

    private static bool Due(DateTimeOffset? last, TimeSpan interval, DateTimeOffset now) => last is null || now - last >= interval;

    private async Task<List<Guid>> WhfbUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<Guid>();
        string? link = null;
        do
        {
            var page = await gateway.WhfbUsersPageAsync(link, cancellationToken);
            users.AddRange((page?.Value ?? []).Select(d => Guid.TryParse(d.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty));
            link = page?.OdataNextLink;
        }
        while (link is not null);
        return users;
    }

    private async Task<IReadOnlyCollection<Guid>> FromEngineAsync(
        Func<Domain.TenantSyncEngine, IReadOnlyCollection<Guid>> read, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<Guid> users = [];
        await coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            users = read(engine);
            return Task.FromResult(false);
        }, cancellationToken);
        return users;
    }

    /// <summary>
    /// Batches of BatchSize; throttled users go round again (each at most MaxRetryRounds times in this pass). Listings are
    /// saved in groups of <see cref="SaveEvery"/> users while the next $batch is already on its way.
    /// </summary>
    private async Task ListAsync(IEnumerable<Guid> users, CancellationToken cancellationToken)
    {
        var queue = new Queue<Guid>(users);
        var attempts = new Dictionary<Guid, int>();
        var unsaved = new List<MethodListing>();
        var saving = Task.CompletedTask;
        while (queue.Count > 0)
        {
            var chunk = new List<Guid>(options.BatchSize);
            while (chunk.Count < options.BatchSize && queue.TryDequeue(out var user))
            {
                chunk.Add(user);
            }

            var round = await _reader.ReadAsync(chunk, cancellationToken);
            unsaved.AddRange(round.Listings);
            if (unsaved.Count >= SaveEvery || queue.Count == 0)
            {
                await saving;
                saving = SaveAsync([.. unsaved], cancellationToken);
                unsaved.Clear();
            }

            foreach (var user in round.Retry)
            {
                attempts[user] = attempts.GetValueOrDefault(user) + 1;
                if (attempts[user] > options.MaxRetryRounds)
                {
                    _carried.Add(user);
                }
                else
                {
                    queue.Enqueue(user);
                }
            }
        }

        await saving;
        await SaveAsync(unsaved, cancellationToken);
    }

    private Task SaveAsync(IReadOnlyList<MethodListing> listings, CancellationToken cancellationToken) =>
        listings.Count == 0 ? Task.CompletedTask : coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            foreach (var listing in listings)
            {
                if (listing.Complete)
                {
                    engine.ObserveEntraKeyInventory(listing.UserId, listing.Keys, options.ListingLag);
                    continue;
                }

                foreach (var key in listing.Keys)
                {
                    engine.ObserveEntraKey(key);
                }
            }

            return Task.FromResult(true);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory pass: {Users} users listed, {Carried} carried to the next pass (throttled)")]
    private static partial void LogPass(ILogger logger, int users, int carried);
}
