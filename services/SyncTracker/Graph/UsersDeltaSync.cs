using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Users.Delta;
using Microsoft.Kiota.Abstractions;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// users/delta: hands every new or changed user's anchors (onPremisesImmutableId, onPremisesSecurityIdentifier, UPN) to
/// the engine page by page, storing the link of the next page (then the delta link) in the same transaction, so a round cut
/// short by throttling or a restart resumes where it stopped. A link Graph refuses (410 Gone after a reset; a 400-class
/// error such as syncStateNotFound for an expired or unknown token) is dropped and a full round starts over, once per run:
/// no run fails on a stored link. A round that reaches its delta link tells the engine every user is known as of its start.
/// </summary>
internal sealed partial class UsersDeltaSync(SyncCoordinator coordinator, GraphGateway gateway, Guid tenantId, TimeProvider time, ILogger logger)
{
    /// <summary>Runs the round to its delta link; returns the users that changed (empty for a first round, which returns everyone).</summary>
    public async Task<IReadOnlyCollection<Guid>> RunAsync(CancellationToken cancellationToken)
    {
        var link = await StoredLinkAsync(cancellationToken);
        var (firstRound, restarted, started) = (link is null, false, time.GetUtcNow());
        var changed = new List<Guid>();
        while (true)
        {
            DeltaGetResponse? page;
            try
            {
                page = await gateway.UsersDeltaPageAsync(link, cancellationToken);
            }
            catch (ApiException e) when (link is not null && !restarted && Refused(e.ResponseStatusCode))
            {
                LogRestart(logger, e.ResponseStatusCode, (e as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code);
                gateway.Traffic.DeltaRestarted();
                await DropLinkAsync(cancellationToken);
                (link, firstRound, restarted, started) = (null, true, true, time.GetUtcNow());
                changed.Clear();
                continue;
            }

            var users = (page?.Value ?? []).Where(u => Guid.TryParse(u.Id, out _)).ToList();
            var next = page?.OdataNextLink ?? page?.OdataDeltaLink;
            var complete = page?.OdataNextLink is null && page?.OdataDeltaLink is not null;
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

                if (complete)
                {
                    engine.ObserveUsersListed(started);
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

    /// <summary>Graph will not continue from this link: 410 Gone, or a 400-class refusal of its token (not throttling or access).</summary>
    private static bool Refused(int status) => status == 410 || (status is >= 400 and < 500 && status is not (401 or 403 or 429));

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

    private Task DropLinkAsync(CancellationToken cancellationToken) => coordinator.RunAsync(tenantId, async (_, db, ct) =>
    {
        await db.Set<GraphCursor>().Where(c => c.TenantId == tenantId && c.Name == GraphCursor.UsersDelta).ExecuteDeleteAsync(ct);
        return true;
    }, cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused the stored users delta link ({Status} {Code}): starting a full round")]
    private static partial void LogRestart(ILogger logger, int status, string? code);
}
