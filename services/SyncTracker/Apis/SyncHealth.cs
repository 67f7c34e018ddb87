using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Graph;

namespace Whfb.SyncTracker.Apis;

/// <summary>
/// The tenant's sync pipeline at a glance; for the tenant whose Graph inventory this instance runs, also Entra Connect's
/// last sync as the organization object gives it and the inventory's freshness (<see cref="InventoryFreshness"/>).
/// </summary>
public sealed record SyncHealth(
    string Pipeline,
    DateTimeOffset? StalledSince,
    int KeysWaiting,
    int KeysStuck,
    DateTimeOffset? OldestWaitingSince,
    int SyncedLast24h,
    double? LatencyP50Minutes,
    double? LatencyP95Minutes,
    DateTimeOffset? LastKeySyncedAt,
    double ObservedCycleMinutes,
    DateTimeOffset? PredictedOnPremAccessAt,
    bool? OnPremisesSyncEnabled = null,
    DateTimeOffset? OnPremisesLastSyncAt = null,
    InventoryFreshness? Inventory = null,
    DateTimeOffset? BacklogSince = null)
{
    public static SyncHealth From(PipelineState? pipeline, IReadOnlyList<TrackedKey> waiting, IReadOnlyList<(DateTimeOffset Observed, TimeSpan Latency)> synced,
        TimeSpan configuredCycle, DateTimeOffset now)
    {
        var latencies = synced.Select(s => s.Latency.TotalMinutes).Order().ToList();
        var (cycle, nextExport) = SyncRhythm.Estimate(synced.Select(s => s.Observed), configuredCycle, now);
        return new SyncHealth(
            pipeline?.IsStalled == true ? "stalled" : pipeline?.HasBacklog == true ? "backlog" : waiting.Count == 0 ? "idle" : "flowing",
            pipeline?.StalledSince,
            waiting.Count,
            waiting.Count(k => k.State == KeyState.Stuck),
            waiting.Min(k => k.CreatedInEntraAt),
            synced.Count,
            SyncRhythm.Percentile(latencies, 0.50),
            SyncRhythm.Percentile(latencies, 0.95),
            pipeline?.LastKeySyncedAt,
            cycle.TotalMinutes,
            waiting.Count == 0 ? null : nextExport,
            pipeline?.OnPremisesSyncEnabled,
            pipeline?.OnPremisesLastSyncAt,
            BacklogSince: pipeline?.BacklogSince);
    }
}
