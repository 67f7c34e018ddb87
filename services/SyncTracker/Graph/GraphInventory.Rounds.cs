using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph;

public sealed partial class GraphInventory
{
    /// <summary>
    /// A full inventory: the users the registration report names (or, when Graph refuses the report for a missing
    /// permission or licence, every user the delta described) and every user already holding an Entra key, each owed a
    /// listing (new if never listed, settled otherwise), plus the pending ones.
    /// </summary>
    private async Task StartFullInventoryAsync(CancellationToken cancellationToken)
    {
        IReadOnlyCollection<Guid>? reported = null;
        await UseAsync(GraphFeatures.RegistrationReport, async () => reported = await WhfbUsersAsync(cancellationToken), cancellationToken);
        _queue.StartFullRound();
        await coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            var users = new HashSet<Guid>(reported ?? engine.UsersDescribedByGraph());
            users.UnionWith(engine.UsersWithEntraKeys());
            foreach (var user in users)
            {
                var neverListed = engine.KeysListedAt(user) is null;
                _queue.Add(user, neverListed ? ListingPriority.New : ListingPriority.Settled, neverListed, fullRound: true);
            }

            return Task.FromResult(false);
        }, cancellationToken);
        await OweFromEngineAsync(cancellationToken);
    }

    /// <summary>Users with keys waiting for AD (first), and users whose unclaimed AD values wait for a listing to confirm them.</summary>
    private Task OweFromEngineAsync(CancellationToken cancellationToken) => coordinator.RunAsync(tenantId, (engine, _, _) =>
    {
        Owe(engine.UsersWithPendingKeys(), ListingPriority.Pending);
        Owe(engine.UsersWithUnconfirmedAdValues(), ListingPriority.New);
        return Task.FromResult(false);
    }, cancellationToken);

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
                    engine.ObserveEntraKeyInventory(listing.UserId, listing.Keys, listing.ListedAt - options.ListingLag, listing.ListedAt);
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
}
