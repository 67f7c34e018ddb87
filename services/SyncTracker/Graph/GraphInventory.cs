using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The Entra side from Graph for one tenant, on a schedule: users delta (anchors) every DeltaInterval; a full inventory
/// (userRegistrationDetails filtered on WHfB, plus users already holding Entra keys) at start and every
/// SettledRecheckInterval; users with keys waiting for AD every PendingRecheckInterval; users changed in the delta at once.
/// Their methods are listed in $batch requests (<see cref="MethodPass"/>), the devices of keys that need one looked up;
/// users whose step stayed throttled are carried to the next pass.
/// </summary>
public sealed partial class GraphInventory(
    SyncCoordinator coordinator, GraphGateway gateway, GraphInventoryOptions options, Guid tenantId, TimeProvider time, ILogger logger)
{
    private readonly MethodReader _reader = new(new GraphStepBatch(gateway, options, logger), gateway, time);
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
        _carried.UnionWith(await new MethodPass(_reader, SaveAsync, options).RunAsync(users, cancellationToken));
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
    /// Observes the listings, except those with keys whose device the engine needs first (<see
    /// cref="Domain.TenantSyncEngine.KeysNeedingDevice"/>): these come back, to be looked up and saved again.
    /// </summary>
    private async Task<IReadOnlyList<DeferredListing>> SaveAsync(IReadOnlyList<MethodListing> listings, CancellationToken cancellationToken)
    {
        var deferred = new List<DeferredListing>();
        if (listings.Count == 0)
        {
            return deferred;
        }

        await coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            foreach (var listing in listings)
            {
                if (!listing.DevicesLookedUp && engine.KeysNeedingDevice(listing.UserId, listing.Keys) is { Count: > 0 } needed)
                {
                    deferred.Add(new DeferredListing(listing, needed));
                }
                else if (listing.Complete)
                {
                    engine.ObserveEntraKeyInventory(listing.UserId, listing.Keys, listing.ListedAt - options.ListingLag);
                }
                else
                {
                    foreach (var key in listing.Keys)
                    {
                        engine.ObserveEntraKey(key);
                    }
                }
            }

            return Task.FromResult(deferred.Count < listings.Count);
        }, cancellationToken);
        return deferred;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph inventory pass: {Users} users listed, {Carried} carried to the next pass (throttled)")]
    private static partial void LogPass(ILogger logger, int users, int carried);
}
