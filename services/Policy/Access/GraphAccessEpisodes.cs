using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Health;
using Whfb.GraphClient.Access;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Access;

/// <summary>
/// Opens and closes a feature's episode in the database, with its event in the same transaction (outbox). The row is the
/// arbiter between instances and restarts: only the instance that inserts it announces GraphPermissionMissing, only the
/// one that deletes it announces GraphPermissionRestored.
/// </summary>
public sealed class GraphAccessEpisodes(PolicyDbContext db, IOutbox outbox)
{
    public async Task OpenAsync(Guid tenantId, MissingAccess missing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(missing);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (feature, denial) = (missing.Feature, missing.Denial);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO graph_access_episodes (feature, tenant_id, kind, code, message, since)
            VALUES ({feature.Name}, {tenantId}, {denial.Kind.ToString()}, {denial.Code}, {denial.Message}, {missing.Since})
            ON CONFLICT (feature) DO NOTHING
            """, ct);
        if (inserted == 1)
        {
            outbox.Enqueue(new GraphPermissionMissing(Guid.CreateVersion7(missing.Since), tenantId, feature.Service, feature.Name, missing.Remedy,
                denial.ToString(), missing.Since));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task CloseAsync(Guid tenantId, GraphAccessChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Set<GraphAccessEpisode>().Where(e => e.Feature == change.Feature.Name).ExecuteDeleteAsync(ct);
        if (deleted == 1)
        {
            outbox.Enqueue(new GraphPermissionRestored(Guid.CreateVersion7(change.At), tenantId, change.Feature.Service, change.Feature.Name,
                change.Missing.Since, change.At));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public Task<List<GraphAccessEpisode>> OpenEpisodesAsync(CancellationToken ct) => db.Set<GraphAccessEpisode>().AsNoTracking().ToListAsync(ct);
}
