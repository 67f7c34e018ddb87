using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Users.Delta;
using Microsoft.Kiota.Abstractions;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// users/delta: hands every new or changed user's anchors (onPremisesImmutableId, onPremisesSecurityIdentifier, UPN) to
/// the engine page by page, storing the link of the next page (then the delta link) in the same transaction, so a round cut
/// short by throttling or a restart resumes where it stopped. A 410 (token expired) starts a new round.
/// </summary>
internal sealed class UsersDeltaSync(SyncCoordinator coordinator, GraphGateway gateway, Guid tenantId)
{
    /// <summary>Runs the round to its delta link; returns the users that changed (empty for a first round, which returns everyone).</summary>
    public async Task<IReadOnlyCollection<Guid>> RunAsync(CancellationToken cancellationToken)
    {
        var link = await StoredLinkAsync(cancellationToken);
        var firstRound = link is null;
        var changed = new List<Guid>();
        while (true)
        {
            DeltaGetResponse? page;
            try
            {
                page = await gateway.UsersDeltaPageAsync(link, cancellationToken);
            }
            catch (ApiException e) when (e.ResponseStatusCode == 410)
            {
                (link, firstRound) = (null, true);
                continue;
            }

            var users = (page?.Value ?? []).Where(u => Guid.TryParse(u.Id, out _)).ToList();
            var next = page?.OdataNextLink ?? page?.OdataDeltaLink;
            await coordinator.RunAsync(tenantId, async (engine, db, ct) =>
            {
                foreach (var user in users)
                {
                    var id = Guid.Parse(user.Id!);
                    if (user.AdditionalData?.ContainsKey("@removed") == true)
                    {
                        engine.ObserveEntraKeyInventory(id, [], engine.Now);
                        continue;
                    }

                    engine.ObserveEntraUser(new EntraUserObservation(
                        id, user.UserPrincipalName, user.OnPremisesImmutableId, user.OnPremisesSecurityIdentifier));
                }

                await SaveLinkAsync(db, engine.Now, next, ct);
                return true;
            }, cancellationToken);
            if (!firstRound)
            {
                changed.AddRange(users.Select(u => Guid.Parse(u.Id!)));
            }

            if (page?.OdataNextLink is null)
            {
                return changed;
            }

            link = page.OdataNextLink;
        }
    }

    private async Task<string?> StoredLinkAsync(CancellationToken cancellationToken)
    {
        string? link = null;
        await coordinator.RunAsync(tenantId, async (_, db, ct) =>
        {
            link = (await db.Set<GraphCursor>().AsNoTracking()
                .FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == GraphCursor.UsersDelta, ct))?.Link;
            return false;
        }, cancellationToken);
        return link;
    }

    private async Task SaveLinkAsync(Infrastructure.SyncTrackerDbContext db, DateTimeOffset now, string? link, CancellationToken cancellationToken)
    {
        if (link is null)
        {
            return;
        }

        var row = await db.Set<GraphCursor>().FindAsync([tenantId, GraphCursor.UsersDelta], cancellationToken);
        if (row is null)
        {
            row = new GraphCursor { TenantId = tenantId, Name = GraphCursor.UsersDelta };
            db.Add(row);
        }

        row.Link = link;
        row.UpdatedAt = now;
    }
}
