using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Outbox;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Infrastructure;

namespace Whfb.SyncTracker.Tracking;

/// <summary>
/// Owns the engines (one per tenant, loaded from the database on first use) and runs every piece of work on one
/// under a lock: the engine's changes, the outbox events and the caller's own rows (inbox, cursors) commit in one
/// transaction. When saving fails the engine is dropped and reloaded from the database next time.
/// </summary>
public sealed partial class SyncCoordinator(
    IServiceScopeFactory scopes, IOptions<SyncTrackerOptions> options, IOptions<GraphInventoryOptions> graph, TimeProvider time, SyncMetrics metrics,
    ILogger<SyncCoordinator> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, TenantSyncEngine> _engines = [];

    /// <summary>Tenants with an engine in memory.</summary>
    public IReadOnlyCollection<Guid> LoadedTenants
    {
        get
        {
            lock (_engines)
            {
                return [.. _engines.Keys];
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the tenant's engine and saves what it changed; false from work means "nothing to save".</summary>
    public async Task RunAsync(
        Guid tenantId, Func<TenantSyncEngine, SyncTrackerDbContext, CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SyncTrackerDbContext>();
            var engine = await EngineAsync(db, tenantId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (!await work(engine, db, cancellationToken))
                {
                    return;
                }

                var changes = engine.TakeChanges();
                SyncStateStore.Stage(db, scope.ServiceProvider.GetRequiredService<IOutbox>(), engine, changes);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                metrics.Saved(engine, changes);
                LogSaved(logger, tenantId, changes.Keys.Count, changes.Events.Count);
            }
            catch
            {
                Forget(tenantId);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TenantSyncEngine> EngineAsync(SyncTrackerDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        lock (_engines)
        {
            if (_engines.TryGetValue(tenantId, out var known))
            {
                return known;
            }
        }

        // Graph lists the keys of the configured tenant only: its engine waits for a listing before it concludes.
        var listed = graph.Value.Enabled && tenantId == options.Value.TenantId;
        var engine = await SyncStateStore.LoadAsync(db, tenantId, options.Value.Thresholds, time, cancellationToken, listed);
        lock (_engines)
        {
            _engines[tenantId] = engine;
        }

        LogLoaded(logger, tenantId, engine.Keys.Count());
        return engine;
    }

    private void Forget(Guid tenantId)
    {
        lock (_engines)
        {
            _engines.Remove(tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the sync state of tenant {TenantId}: {Keys} keys")]
    private static partial void LogLoaded(ILogger logger, Guid tenantId, int keys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved tenant {TenantId}: {Keys} keys changed, {Events} events")]
    private static partial void LogSaved(ILogger logger, Guid tenantId, int keys, int events);
}
