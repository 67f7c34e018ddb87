using Microsoft.EntityFrameworkCore;
using Whfb.ServiceDefaults.Outbox;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure;

/// <summary>Loads a tenant's engine from the database and stages the engine's changes (rows and outbox events) for one SaveChanges.</summary>
public static class SyncStateStore
{
    /// <param name="confirmsWithGraph">Graph lists this tenant's keys (<see cref="TenantSyncEngine.ConfirmsWithGraph"/>).</param>
    public static async Task<TenantSyncEngine> LoadAsync(
        SyncTrackerDbContext db, Guid tenantId, SyncThresholds thresholds, TimeProvider time, CancellationToken cancellationToken,
        bool confirmsWithGraph = false)
    {
        var engine = new TenantSyncEngine(tenantId, thresholds, time) { ConfirmsWithGraph = confirmsWithGraph };
        engine.Load(
            await db.Set<EntraUser>().AsNoTracking().Where(u => u.TenantId == tenantId).ToListAsync(cancellationToken),
            await db.Set<AdUser>().AsNoTracking().Where(u => u.TenantId == tenantId).ToListAsync(cancellationToken),
            await db.Set<AdLookup>().AsNoTracking().Where(l => l.TenantId == tenantId).ToListAsync(cancellationToken),
            await db.Set<TrackedKey>().AsNoTracking().Where(k => k.TenantId == tenantId && k.State != KeyState.Removed).ToListAsync(cancellationToken),
            await db.Set<PipelineState>().AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenantId, cancellationToken),
            await db.Set<DirectoryState>().AsNoTracking().SingleOrDefaultAsync(d => d.TenantId == tenantId, cancellationToken));
        return engine;
    }

    /// <summary>New rows (version 0) are inserted, known ones updated against their xmin; events go to the outbox.</summary>
    public static void Stage(SyncTrackerDbContext db, IOutbox outbox, TenantSyncEngine engine, SyncChanges changes)
    {
        foreach (var key in changes.Keys)
        {
            Upsert(db, key, key.Version);
        }

        foreach (var key in changes.DeletedKeys)
        {
            db.Remove(key);
        }

        foreach (var user in changes.EntraUsers)
        {
            Upsert(db, user, user.Version);
        }

        foreach (var user in changes.AdUsers)
        {
            Upsert(db, user, user.Version);
        }

        foreach (var lookup in changes.AdLookups)
        {
            Upsert(db, lookup, lookup.Version);
        }

        if (changes.PipelineChanged)
        {
            Upsert(db, engine.Pipeline, engine.Pipeline.Version);
        }

        if (changes.DirectoryChanged)
        {
            Upsert(db, engine.Directory, engine.Directory.Version);
        }

        foreach (var message in changes.Events)
        {
            outbox.Enqueue(message);
        }
    }

    private static void Upsert<T>(SyncTrackerDbContext db, T entity, uint version)
        where T : class
    {
        if (version == 0)
        {
            db.Add(entity);
        }
        else
        {
            db.Update(entity);
        }
    }
}
