using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Security;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Graph;
using Whfb.SyncTracker.Infrastructure;

namespace Whfb.SyncTracker.Apis;

public static class SyncHealthApi
{
    public static WebApplication MapSyncHealthApi(this WebApplication app)
    {
        app.MapGet("/v1/sync/health", async (
                ClaimsPrincipal user, SyncTrackerDbContext db, TimeProvider time, IOptions<SyncTrackerOptions> options,
                GraphInventoryService graph, CancellationToken ct) =>
            {
                var tenant = user.RequiredTenantId();
                var now = time.GetUtcNow();
                var since = now.AddHours(-24);
                var keys = db.Set<TrackedKey>().AsNoTracking().Where(k => k.TenantId == tenant);
                var waiting = await keys.Where(k => k.State == KeyState.AwaitingAd || k.State == KeyState.Stuck).ToListAsync(ct);
                var synced = await keys
                    .Where(k => (k.State == KeyState.Synced || k.State == KeyState.Recovered) && k.ObservedInAdAt >= since && k.CreatedInEntraAt != null)
                    .Select(k => new { k.ObservedInAdAt, k.CreatedInEntraAt }).ToListAsync(ct);
                var pipeline = await db.Set<PipelineState>().AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant, ct);
                var arrivals = synced.Select(s => (s.ObservedInAdAt!.Value, Max(s.ObservedInAdAt.Value - s.CreatedInEntraAt!.Value))).ToList();
                var health = SyncHealth.From(pipeline, waiting, arrivals, options.Value.Thresholds.Cycle, now);
                return tenant == options.Value.TenantId && graph.Freshness is { } freshness
                    ? health with { Inventory = freshness with { OldestSettledListingAt = await OldestSettledListingAsync(db, tenant, ct) } }
                    : health;
            })
            .RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("Keys")
            .WithSummary("Pipeline state, backlog, latency p50/p95 over 24 h, last key synced, predicted on-prem access for waiting keys, " +
                "Entra Connect's last sync, and the Graph inventory's freshness");
        return app;
    }

    /// <summary>The oldest Graph listing among users whose keys are in AD: how stale a settled re-check can be.</summary>
    private static Task<DateTimeOffset?> OldestSettledListingAsync(SyncTrackerDbContext db, Guid tenant, CancellationToken ct) =>
        db.Set<EntraUser>().AsNoTracking()
            .Where(u => u.TenantId == tenant && u.KeysListedAt != null && db.Set<TrackedKey>().Any(k => k.TenantId == tenant && k.EntraUserId == u.UserId
                && k.EntraRemovedAt == null && (k.State == KeyState.Synced || k.State == KeyState.Recovered)))
            .MinAsync(u => u.KeysListedAt, ct);

    private static TimeSpan Max(TimeSpan latency) => latency < TimeSpan.Zero ? TimeSpan.Zero : latency;
}
